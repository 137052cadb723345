package io.marquee.recommend.online;

import io.marquee.core.error.InvalidInputException;

/**
 * How {@link OnlineUpdater} folds a viewer in. Validated like a params record: a bad value is
 * refused with a message naming the field and the value.
 *
 * @param lambda             λ of the user-vector solve; NaN (the default) takes the model's
 *                           {@link io.marquee.recommend.FactorModel#userRegularization()}
 * @param lambdaPerRating    whether λ is multiplied by the viewer's number of ratings (ALS-WR's
 *                           weighted-λ regularisation, which is also what per-rating SGD
 *                           regularisation amounts to); default false (plain λ I)
 * @param biasRegularization λ_b of the user bias b_u = Σ (r − μ − b_i) / (λ_b + n) (default 15, the
 *                           value of the ALS baselines)
 * @param likedRating        the rating given to films a new viewer says they like, and to the
 *                           genre seed films in cold start (default 5)
 * @param genreSeedFilms     popular films of the chosen genres used as cold-start pseudo-ratings (default 10)
 */
public record FoldInOptions(double lambda, boolean lambdaPerRating, double biasRegularization, float likedRating,
                            int genreSeedFilms) {
    public FoldInOptions {
        if (!Double.isNaN(lambda) && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw InvalidInputException.of("lambda", lambda, "NaN (use the model's) or a finite number >= 0");
        }
        if (!(biasRegularization >= 0 && Double.isFinite(biasRegularization))) {
            throw InvalidInputException.of("bias_regularization", biasRegularization, "a finite number >= 0");
        }
        if (!Float.isFinite(likedRating)) {
            throw InvalidInputException.of("liked_rating", likedRating, "a finite number");
        }
        if (genreSeedFilms < 1 || genreSeedFilms > 10_000) {
            throw InvalidInputException.of("genre_seed_films", genreSeedFilms, "between 1 and 10000");
        }
    }

    /** The model's λ (plain), λ_b = 15, liked = 5★, 10 genre seed films. */
    public static FoldInOptions defaults() {
        return new FoldInOptions(Double.NaN, false, 15, 5f, 10);
    }
}
