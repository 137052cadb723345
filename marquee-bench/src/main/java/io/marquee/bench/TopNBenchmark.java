package io.marquee.bench;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.FactorKernels;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import io.marquee.recommend.baseline.PopularityParams;
import io.marquee.recommend.baseline.PopularityTrainer;
import io.marquee.recommend.mf.MfModel;
import io.marquee.recommend.mf.MfParams;
import io.marquee.recommend.mf.MfTrainer;
import io.marquee.recommend.online.OverlayScorer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-10 for one user over a catalogue of {@code items} films (10,000) with an {@code mf} model of
 * rank {@code rank} (64 and 100): score every item (μ + b_u + b_i + p_u·q_i) and keep the best ten
 * the user has not rated. Target: ≤ 0.2 ms at 10k items.
 *
 * <p>The model is a real {@link MfModel}, trained by {@link MfTrainer} (2 epochs; speed does not
 * depend on how well it fits) on synthetic ratings: 2,000 users × 50 distinct random films each
 * (100,000 ratings, every film rated about ten times). The benchmarked user has rated 50 films, and
 * those are excluded.
 *
 * <ul>
 *   <li>{@code mfTop10}: {@code new TopN(model).recommend(user, 10, null, seen)}, the
 *       {@code ItemScorer → TopN} path, which asks the model's {@code topN} (the 16-bit first pass
 *       of {@code FactorTopN}, then exact scores for the few items that can make the list).</li>
 *   <li>{@code serverTop10}: what {@code RecommendationService.recommend} does per request:
 *       {@code Fallback(OverlayScorer(model), popularity).topN} with a fresh {@code boolean[]} seen
 *       mask from the user's rated films.</li>
 *   <li>{@code mfFullScanTop10}: every item scored by the tiled float kernel ({@code scoreAll}),
 *       then {@link TopN#select}: the path before {@code FactorTopN}, same result.</li>
 *   <li>{@code mfScoreAllOnly}: the scoring half alone, into a reused array.</li>
 *   <li>{@code itemByItemReference}: the scoring loop mf used before the tiled kernel (row-major,
 *       one four-lane dot per item) plus the same selection, for before/after on one machine.</li>
 * </ul>
 *
 * <p>{@code java -jar marquee-bench/target/benchmarks.jar TopNBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopNBenchmark {
    @Param({"10000"})
    int items;

    @Param({"64", "100"})
    int rank;

    private static final int USERS = 2_000;
    private static final int PER_USER = 50;
    private static final int USER = 17;

    private MfModel model;
    private TopN topN;
    private Fallback serverScorer;
    private int[] rated;
    private IntPredicate seen;
    private float[] reuse;

    @Setup
    public void setUp() {
        Interactions data = ratings(items, new SplittableRandom(1));
        model = new MfTrainer(new MfParams(rank, 0.01, 0.05, 0.01, 0.05, 2, 0.1, 1.0, 42)).train(data,
                Progress.NONE);
        topN = new TopN(model);
        serverScorer = new Fallback(new OverlayScorer(model),
                new PopularityTrainer(PopularityParams.defaults()).train(data, Progress.NONE));
        rated = Arrays.copyOfRange(data.itemArray(), USER * PER_USER, (USER + 1) * PER_USER);
        boolean[] mask = new boolean[items];
        for (int i : rated) {
            mask[i] = true;
        }
        seen = i -> mask[i];
        reuse = new float[items];
        // the paths must agree before they are timed
        Recommendations a = mfTop10();
        if (!a.equals(serverTop10()) || !a.equals(itemByItemReference()) || !a.equals(mfFullScanTop10())
                || a.size() != 10) {
            throw new IllegalStateException("benchmark paths disagree: " + a + " / " + serverTop10() + " / "
                    + itemByItemReference() + " / " + mfFullScanTop10());
        }
    }

    /** {@link #USERS} users, each rating {@link #PER_USER} distinct random films 1–5 (user-major order). */
    static Interactions ratings(int items, SplittableRandom rnd) {
        int n = USERS * PER_USER;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        int k = 0;
        for (int user = 0; user < USERS; user++) {
            for (int item : rnd.ints(0, items).distinct().limit(PER_USER).toArray()) {
                u[k] = user;
                it[k] = item;
                v[k] = 1 + rnd.nextInt(5);
                k++;
            }
        }
        return new Interactions(IdIndex.of(range(USERS)), IdIndex.of(range(items)), u, it, v, new long[n]);
    }

    private static long[] range(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    @Benchmark
    public Recommendations mfTop10() {
        return topN.recommend(USER, 10, null, seen);
    }

    @Benchmark
    public Recommendations serverTop10() {
        boolean[] mask = new boolean[items];
        for (int i : rated) {
            mask[i] = true;
        }
        return serverScorer.topN(USER, 10, i -> mask[i]);
    }

    @Benchmark
    public Recommendations mfFullScanTop10() {
        float[] scores = new float[items];
        model.scoreAll(USER, scores);
        return TopN.select(scores, 10, null, seen);
    }

    @Benchmark
    public float[] mfScoreAllOnly() {
        model.scoreAll(USER, reuse);
        return reuse;
    }

    @Benchmark
    public Recommendations itemByItemReference() {
        float[] scores = new float[items];
        float[] p = model.userFactorArray();
        float[] q = model.itemFactorArray();
        float base = model.globalMean() + model.userBias(USER);
        for (int i = 0; i < items; i++) {
            scores[i] = base + model.itemBias(i) + FactorKernels.dot(p, USER, q, i, rank);
        }
        return TopN.select(scores, 10, null, seen);
    }
}
