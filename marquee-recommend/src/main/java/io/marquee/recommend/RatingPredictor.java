package io.marquee.recommend;

/** Predicts the rating a user would give an item, on dense indices. */
public interface RatingPredictor {
    /**
     * Predicted rating. Indices must be valid for the model; a user or item the model has no
     * factors for gets the model's non-personal estimate (global mean plus the known biases).
     */
    float predict(int user, int item);
}
