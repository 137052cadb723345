package io.marquee.registry.jobs;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.eval.Evaluator;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.FoldResult;
import io.marquee.recommend.eval.HoldoutSplit;
import io.marquee.recommend.eval.Metric;
import io.marquee.recommend.eval.Metrics;
import io.marquee.recommend.eval.Protocol;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Judges recommenders on one seeded holdout of the current ratings: the figures a version is
 * registered with, and the validation gate's comparison of a candidate with production.
 *
 * <p>The candidate is trained on the holdout's training part, so the test part is unseen by it.
 * The production model is judged <em>as stored</em> (the artifact that is actually served) on the
 * same test ratings, restricted to the viewers and films it knows (its id indexes); the candidate
 * is judged on exactly the same restricted set, so both figures come from the same ratings.
 * Caveat: if production was trained on data that included some of these test ratings, its figure
 * is optimistic and the gate errs towards keeping production (documented in docs/registry.md).
 */
public final class HoldoutJudge {
    /** Metrics every job records for a registered version (rating metrics only for rating models). */
    public static final String RECORDED_METRICS = "rmse,mae,ndcg@10,precision@10,recall@10";

    private final GatePolicy policy;
    private final Progress progress;

    public HoldoutJudge(GatePolicy policy, Progress progress) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** The holdout split of the policy. */
    public HoldoutSplit split() {
        return new HoldoutSplit(policy.holdoutFraction(), policy.seed());
    }

    /** The single train/test fold of {@code data}. */
    public Fold fold(Interactions data) {
        return split().folds(data).get(0);
    }

    /** The {@link #RECORDED_METRICS} of a model trained on {@code fold.train()}, finite values only. */
    public Map<String, Double> evaluate(RecommenderModel model, Fold fold) {
        return finite(evaluator(RECORDED_METRICS).evaluateModel(model, fold).values());
    }

    /**
     * The comparison of a candidate (trained on {@code fold.train()}) with the production model, on
     * the test ratings both can score.
     */
    public Comparison compare(RecommenderModel candidate, RecommenderModel champion, Fold fold) {
        String metricId = policy.metric() != null ? policy.metric()
                : candidate instanceof RatingPredictor && champion instanceof RatingPredictor
                ? GatePolicy.RATING_METRIC : GatePolicy.RANKING_METRIC;
        Metric metric = Metrics.parseOne(metricId);
        boolean higherIsBetter = metric.kind() != Metric.Kind.RATING;
        Interactions test = fold.test();
        IdIndex cu = champion.users();
        IdIndex ci = champion.items();
        int[] keep = new int[test.size()];
        int n = 0;
        for (int k = 0; k < test.size(); k++) {
            if (cu.contains(test.users().id(test.user(k))) && ci.contains(test.items().id(test.item(k)))) {
                keep[n++] = k;
            }
        }
        if (n == 0) {
            return new Comparison(metricId, higherIsBetter, null, null, 0, test.size(),
                    "production knows none of the holdout's viewers and films");
        }
        Interactions common = test.subset(Arrays.copyOf(keep, n));
        Evaluator evaluator = evaluator(metricId);
        Double candidateValue = value(evaluator.evaluateModel(candidate, new Fold(0, fold.train(), common)), metricId);
        Fold championFold = new Fold(0, reindex(fold.train(), cu, ci), reindex(common, cu, ci));
        Double championValue = value(evaluator.evaluateModel(champion, championFold), metricId);
        String problem = candidateValue == null ? "the candidate has no " + metricId + " on the holdout"
                : championValue == null ? "production has no " + metricId + " on the holdout" : null;
        return new Comparison(metricId, higherIsBetter, candidateValue, championValue, n, test.size(), problem);
    }

    /**
     * Both figures of a gate comparison.
     *
     * @param metric         metric id
     * @param higherIsBetter its direction
     * @param candidate      the candidate's figure (null when it could not be computed)
     * @param champion       production's figure (null when it could not be computed)
     * @param compared       test ratings both were judged on
     * @param testSize       test ratings in the holdout
     * @param problem        why the figures are missing, or null
     */
    public record Comparison(String metric, boolean higherIsBetter, Double candidate, Double champion, int compared,
                             int testSize, String problem) {
        /** Relative improvement of the candidate over production (positive = better), or null. */
        public Double improvement() {
            if (candidate == null || champion == null) {
                return null;
            }
            double gain = higherIsBetter ? candidate - champion : champion - candidate;
            return gain / Math.max(Math.abs(champion), 1e-12);
        }
    }

    private Evaluator evaluator(String metrics) {
        return new Evaluator(split(), Metrics.parse(metrics), Protocol.defaults()).withThreads(1).withProgress(progress);
    }

    private static Double value(FoldResult r, String metricId) {
        Double v = r.values().get(metricId);
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The entries whose viewer and film the indexes know, re-expressed in those indexes. */
    static Interactions reindex(Interactions data, IdIndex users, IdIndex items) {
        int[] u = new int[data.size()];
        int[] i = new int[data.size()];
        float[] v = new float[data.size()];
        long[] t = new long[data.size()];
        int n = 0;
        for (int k = 0; k < data.size(); k++) {
            int uu = users.indexOf(data.users().id(data.user(k)));
            int ii = items.indexOf(data.items().id(data.item(k)));
            if (uu >= 0 && ii >= 0) {
                u[n] = uu;
                i[n] = ii;
                v[n] = data.value(k);
                t[n] = data.time(k);
                n++;
            }
        }
        return new Interactions(users, items, Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(v, n),
                Arrays.copyOf(t, n));
    }
}
