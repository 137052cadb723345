package io.marquee.recommend.eval;

import io.marquee.core.data.Catalogue;
import io.marquee.core.error.InvalidInputException;

/**
 * Beyond-accuracy metrics of the top-K lists themselves, over every user who gets a list (every
 * user with at least one test rating), whether or not the list holds a relevant item. {@code L_u}
 * is the first {@code min(K, |list|)} items of user {@code u}'s list.
 */
public final class ListMetrics {
    private ListMetrics() {
    }

    /**
     * Catalogue coverage@K = |∪_u L_u| / |I|: the share of all items in the data's item index that
     * appear in at least one user's top K.
     */
    public record Coverage(int k) implements Metric {
        public Coverage {
            RankingMetrics.checkCutoff(k);
        }

        @Override
        public String id() {
            return "coverage@" + k;
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            boolean[] seen = new boolean[context.itemCount()];
            return new Accumulator() {
                private int distinct;

                @Override
                public void add(UserResult user) {
                    int[] r = user.ranking();
                    int n = Math.min(k, r.length);
                    for (int i = 0; i < n; i++) {
                        if (!seen[r[i]]) {
                            seen[r[i]] = true;
                            distinct++;
                        }
                    }
                }

                @Override
                public double value() {
                    return seen.length == 0 ? Double.NaN : (double) distinct / seen.length;
                }
            };
        }
    }

    /**
     * Novelty@K: the mean over users (with a non-empty list) of the mean self-information of their
     * recommended items, −log2 p(i), where p(i) = max(1, n_i) / |U_train| is the share of training
     * users who rated item i (n_i = training ratings of i; an item nobody rated counts as rated
     * once so that its information stays finite; p is capped at 1). In bits; higher means less
     * popular, more novel recommendations.
     */
    public record Novelty(int k) implements Metric {
        public Novelty {
            RankingMetrics.checkCutoff(k);
        }

        @Override
        public String id() {
            return "novelty@" + k;
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public int cutoff() {
            return k;
        }

        /** −log2 p(i) of one item in a fold. */
        public static double selfInformation(FoldContext context, int item) {
            double p = Math.min(1.0, Math.max(1, context.trainCount(item)) / (double) context.trainUsers());
            return -Math.log(p) / Math.log(2);
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            return new Accumulator() {
                private double sum;
                private long users;

                @Override
                public void add(UserResult user) {
                    int[] r = user.ranking();
                    int n = Math.min(k, r.length);
                    if (n == 0 || context.trainUsers() == 0) {
                        return;
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += selfInformation(context, r[i]);
                    }
                    sum += s / n;
                    users++;
                }

                @Override
                public double value() {
                    return users == 0 ? Double.NaN : sum / users;
                }
            };
        }
    }

    /**
     * Intra-list diversity@K by genre: the mean over users whose list has at least two items of
     * the mean pairwise dissimilarity 2 / (n(n−1)) · Σ_{i<j} (1 − J(G_i, G_j)) over their top K,
     * where J is the Jaccard index |G_i ∩ G_j| / |G_i ∪ G_j| of the films' genre sets (two films
     * both without genres count as identical, dissimilarity 0). Needs a catalogue; the evaluator
     * omits it when there is none.
     */
    public record IntraListDiversity(int k) implements Metric {
        public IntraListDiversity {
            RankingMetrics.checkCutoff(k);
        }

        @Override
        public String id() {
            return "ild@" + k;
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public int cutoff() {
            return k;
        }

        /** 1 − Jaccard of two films' genre sets (distinct genre ids each). */
        public static double dissimilarity(int[] a, int[] b) {
            if (a.length == 0 && b.length == 0) {
                return 0;
            }
            int common = 0;
            for (int x : a) {
                for (int y : b) {
                    if (x == y) {
                        common++;
                        break;
                    }
                }
            }
            int union = a.length + b.length - common;
            return 1.0 - (double) common / union;
        }

        /** The user's list diversity, NaN for a list of fewer than two items. */
        public double userValue(Catalogue catalogue, int[] ranking) {
            int n = Math.min(k, ranking.length);
            if (n < 2) {
                return Double.NaN;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                int[] gi = catalogue.genres(ranking[i]);
                for (int j = i + 1; j < n; j++) {
                    s += dissimilarity(gi, catalogue.genres(ranking[j]));
                }
            }
            return s * 2 / ((double) n * (n - 1));
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            Catalogue catalogue = context.catalogue();
            if (catalogue == null) {
                throw new InvalidInputException(id() + " needs a catalogue with genres, and none was given");
            }
            return new Accumulator() {
                private double sum;
                private long users;

                @Override
                public void add(UserResult user) {
                    double v = userValue(catalogue, user.ranking());
                    if (!Double.isNaN(v)) {
                        sum += v;
                        users++;
                    }
                }

                @Override
                public double value() {
                    return users == 0 ? Double.NaN : sum / users;
                }
            };
        }
    }
}
