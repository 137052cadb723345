package io.marquee.recommend.online;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * Vectors for brand-new viewers, by fold-in with pseudo-ratings:
 * <ul>
 *   <li>{@link #fromLikedFilms}: each film the viewer picked counts as rated
 *       {@link FoldInOptions#likedRating()};</li>
 *   <li>{@link #fromGenres}: the most popular films (most training ratings; ties: higher mean
 *       rating, then lower index) of the chosen genres, taken round-robin across the genres until
 *       {@link FoldInOptions#genreSeedFilms()} films, each counting as liked.</li>
 * </ul>
 * Fold-in (rather than averaging item vectors) keeps the same regularisation and bias treatment as
 * a real viewer, so the result moves smoothly once the viewer rates for real. Immutable.
 */
public final class ColdStart {
    private final OnlineUpdater updater;
    private final Catalogue catalogue;
    private final int[] byPopularity;

    /**
     * @param training ratings the model was trained on (popularity = number of ratings per film)
     */
    public ColdStart(OnlineUpdater updater, Catalogue catalogue, Interactions training) {
        int n = updater.model().itemCount();
        if (catalogue.size() != n || training.items().size() != n) {
            throw new InvalidInputException("catalogue (" + catalogue.size() + " films) and training data ("
                    + training.items().size() + ") must index the model's " + n + " items");
        }
        this.updater = updater;
        this.catalogue = catalogue;
        int[] count = new int[n];
        double[] sum = new double[n];
        for (int k = 0; k < training.size(); k++) {
            count[training.item(k)]++;
            sum[training.item(k)] += training.value(k);
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, (a, b) -> {
            int c = Integer.compare(count[b], count[a]);
            if (c != 0) {
                return c;
            }
            c = Double.compare(mean[b], mean[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        this.byPopularity = order;
    }

    /** A new viewer from films they like (item indices). */
    public FoldedUser fromLikedFilms(int... items) {
        if (items.length == 0) {
            throw new InvalidInputException("cold start from liked films needs at least one film");
        }
        return updater.foldInLiked(items);
    }

    /** A new viewer from genre ids they like. */
    public FoldedUser fromGenres(int... genres) {
        return updater.foldInLiked(seedFilms(genres));
    }

    /** A new viewer from genre names they like; an unknown name is refused naming it. */
    public FoldedUser fromGenreNames(String... names) {
        int[] ids = new int[names.length];
        for (int g = 0; g < names.length; g++) {
            ids[g] = catalogue.genreId(names[g]);
            if (ids[g] < 0) {
                throw new NotFoundException("genre '" + names[g] + "' is not in the catalogue; known: "
                        + String.join(", ", catalogue.genreNames()));
            }
        }
        return fromGenres(ids);
    }

    /** The popular films of the genres that {@link #fromGenres} rates as liked, in pick order. */
    public int[] seedFilms(int... genres) {
        if (genres.length == 0) {
            throw new InvalidInputException("cold start from genres needs at least one genre");
        }
        for (int g : genres) {
            if (g < 0 || g >= catalogue.genreNames().size()) {
                throw new NotFoundException("genre id " + g + " is not in the catalogue ("
                        + catalogue.genreNames().size() + " genres)");
            }
        }
        int want = updater.options().genreSeedFilms();
        int[] cursor = new int[genres.length];
        boolean[] taken = new boolean[byPopularity.length];
        int[] out = new int[want];
        int n = 0;
        boolean progress = true;
        while (n < want && progress) {
            progress = false;
            for (int g = 0; g < genres.length && n < want; g++) {
                while (cursor[g] < byPopularity.length) {
                    int item = byPopularity[cursor[g]++];
                    if (!taken[item] && catalogue.hasGenre(item, genres[g])) {
                        taken[item] = true;
                        out[n++] = item;
                        progress = true;
                        break;
                    }
                }
            }
        }
        if (n == 0) {
            throw new InvalidInputException("no film in the catalogue has genre(s) " + Arrays.toString(genres));
        }
        return Arrays.copyOf(out, n);
    }
}
