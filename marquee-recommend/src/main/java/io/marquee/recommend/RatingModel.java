package io.marquee.recommend;

/** A recommender that also predicts ratings (baselines, MF, SVD++, ALS, item-kNN). */
public interface RatingModel extends RecommenderModel, RatingPredictor {
}
