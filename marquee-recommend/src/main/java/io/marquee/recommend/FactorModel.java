package io.marquee.recommend;

/**
 * A latent-factor model: score(u, i) = μ + b_u + b_i + x_u · q_i, where x_u is the user's
 * effective vector (for SVD++ it includes the implicit-feedback term) and q_i the item's factors.
 * Implicit models (iALS) have μ = b = 0. Online updates and explanations work through this view
 * whatever the training algorithm was.
 */
public interface FactorModel extends RecommenderModel {
    /** Number of latent factors k. */
    int rank();

    /** Global mean μ (0 for models without one). */
    float globalMean();

    /** User bias b_u (0 when the model has none or does not know the user). */
    float userBias(int user);

    /** Item bias b_i (0 when the model has none). */
    float itemBias(int item);

    /** Copies the user's effective vector x_u into {@code out} (length {@link #rank()}). */
    void userVector(int user, float[] out);

    /** The item factors, row-major items × rank; read only. */
    float[] itemFactorArray();

    /**
     * The model's 16-bit copy of its item factors and biases, for exact top-N lists of user vectors
     * that are not the model's own (e.g. viewers folded in online).
     */
    FactorTopN topNIndex();

    /** The L2 regularisation λ of the user vectors used in training (for exact fold-in). */
    float userRegularization();
}
