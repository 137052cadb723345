package io.marquee.core.data;

/**
 * Everything Marquee learns from, in memory and columnar: the catalogue, the viewers, their
 * ratings and their watch events. Item indices are shared by the catalogue, the ratings and the
 * watch log; user indices by the viewers, the ratings and the watch log.
 */
public record Dataset(Catalogue catalogue, Viewers viewers, Interactions ratings, WatchLog watches) {
    public Dataset {
        if (ratings.items() != catalogue.items() || ratings.users() != viewers.users()) {
            throw new IllegalArgumentException("ratings must share the catalogue's and viewers' indexes");
        }
    }

    /** The user index shared by every part. */
    public IdIndex users() {
        return viewers.users();
    }

    /** The item index shared by every part. */
    public IdIndex items() {
        return catalogue.items();
    }
}
