package io.marquee.recommend.eval;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.Params;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RatingModel;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.RecommenderTrainer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny data sets and test-only models, so the evaluation tests do not depend on any algorithm. */
final class EvalFixtures {
    private EvalFixtures() {
    }

    /** Rows of {user index, item index, rating, time} on indexes of ids 1..users and 10, 20, … */
    static Interactions data(int users, int items, double[][] rows) {
        IdIndex u = ids(users, 1, 1);
        IdIndex i = ids(items, 10, 10);
        int n = rows.length;
        int[] uu = new int[n];
        int[] ii = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            uu[k] = (int) rows[k][0];
            ii[k] = (int) rows[k][1];
            v[k] = (float) rows[k][2];
            t[k] = rows[k].length > 3 ? (long) rows[k][3] : k;
        }
        return new Interactions(u, i, uu, ii, v, t);
    }

    static IdIndex ids(int n, long first, long step) {
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            ids[k] = first + k * step;
        }
        return IdIndex.of(ids);
    }

    /**
     * Random ratings 1–5: every user rates a random subset of items (at least one), each
     * (user, item) at most once, with distinct times equal to the entry's position.
     */
    static Interactions random(int users, int items, double density, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> rows = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            int before = rows.size();
            for (int i = 0; i < items; i++) {
                if (rnd.nextDouble() < density) {
                    rows.add(new double[] {u, i, 1 + rnd.nextInt(5), 0});
                }
            }
            if (rows.size() == before) {
                rows.add(new double[] {u, rnd.nextInt(items), 1 + rnd.nextInt(5), 0});
            }
        }
        // shuffle so that entries are not grouped by user, then number the times
        for (int k = rows.size() - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            double[] tmp = rows.get(k);
            rows.set(k, rows.get(j));
            rows.set(j, tmp);
        }
        for (int k = 0; k < rows.size(); k++) {
            rows.get(k)[3] = k;
        }
        return data(users, items, rows.toArray(new double[0][]));
    }

    /** A split that returns one given fold: the entries at {@code testPositions} are the test set. */
    static Split fixed(int... testPositions) {
        return new Split() {
            @Override
            public List<Fold> folds(Interactions data) {
                boolean[] test = new boolean[data.size()];
                for (int p : testPositions) {
                    test[p] = true;
                }
                return List.of(Splits.fold(0, data, test, testPositions.length));
            }

            @Override
            public String describe() {
                return "fixed test positions";
            }
        };
    }

    /** Params of the test models. */
    record TestParams(long seed) implements Params {
        @Override
        public Map<String, Object> toMap() {
            return Map.of("seed", seed);
        }
    }

    /** A rating model whose scores (and predicted ratings) are a fixed users × items table. */
    static final class TableModel implements RatingModel {
        private final IdIndex users;
        private final IdIndex items;
        private final float[][] table;
        private final ModelProvenance provenance;

        TableModel(Interactions train, float[][] table) {
            this.users = train.users();
            this.items = train.items();
            this.table = table;
            this.provenance = ModelProvenance.of("table", new TestParams(0), train.fingerprint());
        }

        @Override
        public float predict(int user, int item) {
            return table[user][item];
        }

        @Override
        public IdIndex users() {
            return users;
        }

        @Override
        public IdIndex items() {
            return items;
        }

        @Override
        public ModelArchive.Writer toArchive() {
            throw new UnsupportedOperationException("test model");
        }

        @Override
        public boolean knowsUser(int user) {
            return true;
        }

        @Override
        public void scoreAll(int user, float[] out) {
            System.arraycopy(table[user], 0, out, 0, out.length);
        }

        @Override
        public ModelProvenance provenance() {
            return provenance;
        }

        @Override
        public TrainingSummary summary() {
            return new TrainingSummary(new double[0], 0);
        }
    }

    /** A trainer that ignores the data and returns a {@link TableModel}. */
    static RecommenderTrainer<TableModel> tableTrainer(float[][] table) {
        return tableTrainer(table, new TestParams(0));
    }

    static RecommenderTrainer<TableModel> tableTrainer(float[][] table, TestParams params) {
        return new RecommenderTrainer<>() {
            @Override
            public String algorithm() {
                return "table";
            }

            @Override
            public Params params() {
                return params;
            }

            @Override
            public TableModel train(Interactions data, Progress progress) {
                return new TableModel(data, table);
            }
        };
    }

    /** The table trainer as an algorithm, as the CLI would find it in its catalogue. */
    static AlgorithmSpec<TestParams, TableModel> tableSpec(float[][] table) {
        return new AlgorithmSpec<>("table", "fixed score table (tests only)", new TestParams(0),
                p -> tableTrainer(table, p), contents -> {
                    throw new UnsupportedOperationException("test model");
                }, true);
    }

    /**
     * A ranking-only model (no rating predictions): score = training ratings of the item plus
     * a small per-user jitter, so lists differ between users and folds.
     */
    static final class PopularityModel implements RecommenderModel {
        private final IdIndex users;
        private final IdIndex items;
        private final float[] counts;
        private final ModelProvenance provenance;

        PopularityModel(Interactions train) {
            this.users = train.users();
            this.items = train.items();
            this.counts = new float[items.size()];
            for (int k = 0; k < train.size(); k++) {
                counts[train.item(k)]++;
            }
            this.provenance = ModelProvenance.of("pop", new TestParams(0), train.fingerprint());
        }

        @Override
        public IdIndex users() {
            return users;
        }

        @Override
        public IdIndex items() {
            return items;
        }

        @Override
        public ModelArchive.Writer toArchive() {
            throw new UnsupportedOperationException("test model");
        }

        @Override
        public boolean knowsUser(int user) {
            return true;
        }

        @Override
        public void scoreAll(int user, float[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = counts[i] + ((user * 31 + i * 17) % 7) * 0.25f;
            }
        }

        @Override
        public ModelProvenance provenance() {
            return provenance;
        }

        @Override
        public TrainingSummary summary() {
            return new TrainingSummary(new double[0], 0);
        }
    }

    static RecommenderTrainer<PopularityModel> popularityTrainer() {
        return new RecommenderTrainer<>() {
            @Override
            public String algorithm() {
                return "pop";
            }

            @Override
            public Params params() {
                return new TestParams(0);
            }

            @Override
            public PopularityModel train(Interactions data, Progress progress) {
                return new PopularityModel(data);
            }
        };
    }

    /** A rating model predicting the training mean for everything (scores: the same, so ranks by index). */
    static RecommenderTrainer<TableModel> globalMeanTrainer() {
        return new RecommenderTrainer<>() {
            @Override
            public String algorithm() {
                return "global-mean";
            }

            @Override
            public Params params() {
                return new TestParams(0);
            }

            @Override
            public TableModel train(Interactions data, Progress progress) {
                float mean = (float) data.meanValue();
                float[] row = new float[data.items().size()];
                java.util.Arrays.fill(row, mean);
                float[][] table = new float[data.users().size()][];
                java.util.Arrays.fill(table, row);
                return new TableModel(data, table);
            }
        };
    }
}
