package io.marquee.registry.jobs;

import io.marquee.core.error.InvalidInputException;
import io.marquee.recommend.eval.Metric;
import io.marquee.recommend.eval.Metrics;

/**
 * How models are judged: the holdout every job evaluates on, and the validation gate's rule for
 * retrained models.
 *
 * @param holdoutFraction share of the ratings held out for testing (random, seeded), in (0, 1)
 * @param seed            seed of the holdout split: the same data and seed give the same holdout
 * @param margin          relative improvement over production the candidate needs to be promoted
 *                        automatically, e.g. 0.05 (seed 002's 5 %); 0 promotes on any improvement
 * @param metric          the metric compared ({@code rmse}, {@code mae}, or a ranking metric such as
 *                        {@code ndcg@10}); null chooses {@code rmse} when both models predict ratings,
 *                        else {@code ndcg@10}
 */
public record GatePolicy(double holdoutFraction, long seed, double margin, String metric) {
    /** The metric used when both models predict ratings. */
    public static final String RATING_METRIC = "rmse";
    /** The metric used otherwise. */
    public static final String RANKING_METRIC = "ndcg@10";

    public GatePolicy {
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw InvalidInputException.of("holdoutFraction", holdoutFraction, "strictly between 0 and 1");
        }
        if (!(margin >= 0 && margin < 1)) {
            throw InvalidInputException.of("margin", margin, "at least 0 and below 1");
        }
        if (metric != null) {
            Metric m = Metrics.parseOne(metric);
            if (m.kind() == Metric.Kind.LIST) {
                throw InvalidInputException.of("metric", "'" + metric + "'",
                        "a rating metric (rmse, mae) or an accuracy metric (ndcg@K, precision@K, …)");
            }
            metric = m.id();
        }
    }

    /** 20 % holdout, seed 42, 5 % margin, metric chosen by model kind. */
    public static GatePolicy defaults() {
        return new GatePolicy(0.2, 42, 0.05, null);
    }

    /** With another margin. */
    public GatePolicy withMargin(double value) {
        return new GatePolicy(holdoutFraction, seed, value, metric);
    }

    /** With another metric (null: chosen by model kind). */
    public GatePolicy withMetric(String value) {
        return new GatePolicy(holdoutFraction, seed, margin, value);
    }
}
