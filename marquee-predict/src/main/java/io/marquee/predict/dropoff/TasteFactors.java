package io.marquee.predict.dropoff;

import io.marquee.core.data.Interactions;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.als.AlsModel;
import io.marquee.recommend.als.AlsParams;
import io.marquee.recommend.als.AlsTrainer;
import io.marquee.recommend.als.ImplicitAlsModel;
import io.marquee.recommend.als.ImplicitAlsParams;
import io.marquee.recommend.als.ImplicitAlsTrainer;

/**
 * The film side of an explicit-rating matrix factorisation, frozen at one moment: the global mean
 * μ, each film's latent vector q_i and rating bias b_i, fitted by {@link AlsTrainer} (ALS with
 * weighted-λ regularisation and biases, marquee-recommend) on the ratings given before that
 * moment. A viewer's side is not stored: {@link TasteState} folds each viewer in from the ratings
 * the viewer had given before the event being featurised, with the same ridge system as the ALS
 * user step, so the viewer–film taste match x_u·q_i of an event never uses a later rating.
 *
 * <p>Films are indexed like the {@link FilmStats} they travel with (training: the catalogue's
 * index; a saved model: its film list). Immutable.
 *
 * @param rank   k
 * @param lambda the weighted-λ regularisation (a viewer with n ratings is penalised λ·n)
 * @param mu     global mean rating of the fitted ratings
 * @param q      film vectors, film-major ({@code films × rank})
 * @param bias   film rating biases b_i
 * @param counts ratings each film had in the fit (0: the film's vector and bias are zero)
 * @param y      film vectors of the implicit-feedback fit on who watched what ({@code films × rank})
 * @param gram   YᵀY of those vectors ({@code rank × rank}, row-major)
 * @param implicitLambda λ of the implicit fit
 * @param alpha  confidence per view of the implicit fit (c = 1 + α·views)
 * @param choice the films' side of the choice model fitted on the same views ({@link ChoiceFactors})
 */
record TasteFactors(int rank, float lambda, float mu, float[] q, float[] bias, int[] counts, float[] y,
                    double[] gram, float implicitLambda, float alpha, ChoiceFactors choice) {
    /** Rank of the taste factors (the generator's latent rank is 8 by default; not read from it). */
    static final int RANK = 8;
    /** Weighted-λ; chosen on the 10k-viewer fit/validation split (see docs/dropoff.md). */
    static final double LAMBDA = 0.1;
    /** ALS alternations. */
    static final int ITERATIONS = 5;
    /** Fewer ratings than this: no factors (every match is 0). */
    static final int MIN_RATINGS = 50;

    /**
     * λ of the implicit fit (of 5 and 20 with α = 10, and rank 4, 8, 16, this gave the taste
     * match most correlated with the generator's true drop-off logit on 10k viewers' test events:
     * −0.178; ranks 4 and 16: −0.143 and −0.165).
     */
    static final double IMPLICIT_LAMBDA = 5;
    /** Confidence per view of the implicit fit (2 gave −0.160, 10 gave −0.178). */
    static final double ALPHA = 10;

    TasteFactors {
        if (q.length != bias.length * rank || counts.length != bias.length || y.length != q.length
                || gram.length != rank * rank || choice.films() != bias.length) {
            throw new IllegalArgumentException("taste factors: " + q.length + " vector entries, " + bias.length
                    + " biases and " + counts.length + " counts do not agree for rank " + rank);
        }
    }

    /** Factors without a choice model (every film's choice vector is zero). */
    TasteFactors(int rank, float lambda, float mu, float[] q, float[] bias, int[] counts, float[] y, double[] gram,
                 float implicitLambda, float alpha) {
        this(rank, lambda, mu, q, bias, counts, y, gram, implicitLambda, alpha, ChoiceFactors.none(bias.length));
    }

    /** No factors: every film's vector and bias is zero. */
    static TasteFactors none(int films) {
        return new TasteFactors(RANK, (float) LAMBDA, 0f, new float[films * RANK], new float[films], new int[films],
                new float[films * RANK], new double[RANK * RANK], (float) IMPLICIT_LAMBDA, (float) ALPHA);
    }

    int films() {
        return bias.length;
    }

    /**
     * Fits ALS on the ratings at {@code positions} of {@code ratings} (whose item index is the
     * film index of the result), and implicit ALS on the views {@code views} (value 1 per view,
     * same indices); fewer than {@link #MIN_RATINGS} ratings give {@link #none}.
     */
    static TasteFactors fit(Interactions ratings, int[] positions, Interactions views, long seed) {
        int films = ratings.items().size();
        if (positions.length < MIN_RATINGS || views.size() < MIN_RATINGS) {
            return none(films);
        }
        ImplicitAlsParams ip = new ImplicitAlsParams(RANK, IMPLICIT_LAMBDA, ALPHA, ImplicitAlsParams.Confidence.LINEAR,
                1.0, 0.0, ITERATIONS, 3, 0.01, seed, AlsParams.defaults().threads());
        ImplicitAlsModel im = new ImplicitAlsTrainer(ip).train(views, Progress.NONE);
        float[] y = im.itemFactorArray().clone();
        double[] gram = new double[RANK * RANK];
        for (int i = 0; i < films; i++) {
            for (int r = 0; r < RANK; r++) {
                for (int c = 0; c < RANK; c++) {
                    gram[r * RANK + c] += (double) y[i * RANK + r] * y[i * RANK + c];
                }
            }
        }
        Interactions part = ratings.subset(positions);
        AlsParams p = AlsParams.defaults().withRank(RANK).withRegularization(LAMBDA).withIterations(ITERATIONS)
                .withSeed(seed);
        AlsModel m = new AlsTrainer(p).train(part, Progress.NONE);
        int[] counts = new int[films];
        for (int k = 0; k < part.size(); k++) {
            counts[part.item(k)]++;
        }
        float[] q = m.itemFactorArray().clone();
        float[] b = m.itemBiasArray().clone();
        return new TasteFactors(RANK, (float) LAMBDA, m.globalMean(), q, b, counts, y, gram, (float) IMPLICIT_LAMBDA,
                (float) ALPHA, ChoiceFactors.fit(views, MIN_RATINGS, seed));
    }
}
