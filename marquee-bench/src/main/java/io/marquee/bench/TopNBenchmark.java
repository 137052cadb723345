package io.marquee.bench;

import io.marquee.recommend.FactorKernels;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Top-10 for one user over a catalogue of {@code items} films with {@code rank}-dimensional
 * factors: score every item (μ + b_i + x_u·q_i) and select the best ten. Target: ≤ 0.2 ms at
 * 10k items.
 *
 * <p>{@code java -jar marquee-bench/target/benchmarks.jar TopNBenchmark}
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

    private ItemScorer scorer;
    private TopN topN;
    private int user;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        int users = 1000;
        float[] p = new float[users * rank];
        float[] q = new float[items * rank];
        float[] bi = new float[items];
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) (rnd.nextGaussian() * 0.1);
        }
        for (int k = 0; k < q.length; k++) {
            q[k] = (float) (rnd.nextGaussian() * 0.1);
        }
        for (int k = 0; k < items; k++) {
            bi[k] = (float) (rnd.nextGaussian() * 0.3);
        }
        scorer = new DenseFactorScorer(users, items, rank, p, q, bi);
        topN = new TopN(scorer);
        transposed = new TopN(new TransposedScorer((DenseFactorScorer) scorer));
        user = 17;
    }

    private TopN transposed;

    @Benchmark
    public Recommendations top10RowMajor() {
        return topN.recommend(user, 10, null, null);
    }

    @Benchmark
    public Recommendations top10FactorMajor() {
        return transposed.recommend(user, 10, null, null);
    }

    /** The same scores through {@link FactorKernels#scoreAll} on factor-major item factors. */
    static final class TransposedScorer implements ItemScorer {
        private final DenseFactorScorer base;
        private final float[] qT;
        private final float[] x;

        TransposedScorer(DenseFactorScorer base) {
            this.base = base;
            this.qT = FactorKernels.transpose(base.q, base.items, base.rank);
            this.x = new float[base.rank];
        }

        @Override
        public int userCount() {
            return base.users;
        }

        @Override
        public int itemCount() {
            return base.items;
        }

        @Override
        public boolean knowsUser(int user) {
            return true;
        }

        @Override
        public void scoreAll(int user, float[] out) {
            System.arraycopy(base.p, user * base.rank, x, 0, base.rank);
            FactorKernels.scoreAll(x, qT, base.bi, 0f, base.items, base.rank, out);
        }
    }

    /** μ + b_i + p_u·q_i over row-major float factors, the inner loop every factor model shares. */
    static final class DenseFactorScorer implements ItemScorer {
        private final int users;
        private final int items;
        private final int rank;
        private final float[] p;
        private final float[] q;
        private final float[] bi;

        DenseFactorScorer(int users, int items, int rank, float[] p, float[] q, float[] bi) {
            this.users = users;
            this.items = items;
            this.rank = rank;
            this.p = p;
            this.q = q;
            this.bi = bi;
        }

        @Override
        public int userCount() {
            return users;
        }

        @Override
        public int itemCount() {
            return items;
        }

        @Override
        public boolean knowsUser(int user) {
            return true;
        }

        @Override
        public void scoreAll(int user, float[] out) {
            int uo = user * rank;
            for (int i = 0, io = 0; i < items; i++, io += rank) {
                float s = bi[i];
                for (int f = 0; f < rank; f++) {
                    s += p[uo + f] * q[io + f];
                }
                out[i] = s;
            }
        }
    }
}
