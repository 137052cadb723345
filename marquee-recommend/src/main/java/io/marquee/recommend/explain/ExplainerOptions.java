package io.marquee.recommend.explain;

import io.marquee.core.error.InvalidInputException;

/**
 * What {@link Explainer} looks at. Validated like a params record: a bad value is refused with a
 * message naming the field and the value.
 *
 * @param likedRating    ratings at or above this count as liked (default 4)
 * @param maxFilms       liked films listed as "because you rated" (default 3)
 * @param maxGenres      shared genres listed (default 3)
 * @param similarViewers nearest viewers consulted (default 20)
 * @param minGenreLift   a genre is shared only if its share among the viewer's liked films is at
 *                       least this multiple of its share of the catalogue (default 1)
 */
public record ExplainerOptions(float likedRating, int maxFilms, int maxGenres, int similarViewers,
                               double minGenreLift) {
    public ExplainerOptions {
        if (!Float.isFinite(likedRating)) {
            throw InvalidInputException.of("liked_rating", likedRating, "a finite number");
        }
        if (maxFilms < 0 || maxFilms > 100) {
            throw InvalidInputException.of("max_films", maxFilms, "between 0 and 100");
        }
        if (maxGenres < 0 || maxGenres > 100) {
            throw InvalidInputException.of("max_genres", maxGenres, "between 0 and 100");
        }
        if (similarViewers < 0 || similarViewers > 10_000) {
            throw InvalidInputException.of("similar_viewers", similarViewers, "between 0 and 10000");
        }
        if (!(minGenreLift >= 0 && Double.isFinite(minGenreLift))) {
            throw InvalidInputException.of("min_genre_lift", minGenreLift, "a finite number >= 0");
        }
    }

    /** Liked from 4★, 3 films, 3 genres, 20 similar viewers, genre lift at least 1. */
    public static ExplainerOptions defaults() {
        return new ExplainerOptions(4f, 3, 3, 20, 1.0);
    }
}
