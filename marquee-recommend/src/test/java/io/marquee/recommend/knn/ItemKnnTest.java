package io.marquee.recommend.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RecommenderTrainer;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemKnnTest {
    private static final double EPS = 1e-5;

    /** Builds interactions from {user, item, rating} triples; users and items are 0…n-1 (ids 100+u, 10+i). */
    static Interactions data(int users, int items, int[][] triples) {
        long[] uids = new long[users];
        long[] iids = new long[items];
        for (int u = 0; u < users; u++) {
            uids[u] = 100 + u;
        }
        for (int i = 0; i < items; i++) {
            iids[i] = 10 + i;
        }
        int n = triples.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            u[k] = triples[k][0];
            i[k] = triples[k][1];
            v[k] = triples[k][2];
        }
        return new Interactions(IdIndex.of(uids), IdIndex.of(iids), u, i, v, new long[n]);
    }

    /**
     * Row and column means are all 3, so μ = 3 and every ALS bias is exactly 0: residuals are r − 3.
     * <pre>
     *        i0 i1 i2 i3
     *   u0    5  4  1  2
     *   u1    4  5  2  1
     *   u2    1  2  5  4
     *   u3    2  1  4  5
     * </pre>
     */
    static Interactions balanced() {
        int[][] m = {{5, 4, 1, 2}, {4, 5, 2, 1}, {1, 2, 5, 4}, {2, 1, 4, 5}};
        int[][] t = new int[16][];
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 4; i++) {
                t[u * 4 + i] = new int[] {u, i, m[u][i]};
            }
        }
        return data(4, 4, t);
    }

    /**
     * <pre>
     *        i0 i1 i2
     *   u0    5  3  4
     *   u1    4  2  .
     *   u2    1  .  5
     *   u3    .  4  2
     *   u4    .  .  .     (no ratings)
     * </pre>
     */
    static Interactions sparse() {
        return data(5, 3, new int[][] {{0, 0, 5}, {0, 1, 3}, {0, 2, 4}, {1, 0, 4}, {1, 1, 2}, {2, 0, 1}, {2, 2, 5},
                {3, 1, 4}, {3, 2, 2}});
    }

    static ItemKnnParams params(Map<String, String> overrides) {
        return ParamsBinder.bind(ItemKnnParams.defaults(), overrides);
    }

    static Interactions random(long seed, int users, int items, int perUser) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] t = new int[users * perUser][];
        int n = 0;
        for (int u = 0; u < users; u++) {
            boolean[] seen = new boolean[items];
            for (int r = 0; r < perUser; r++) {
                int i;
                do {
                    i = (int) Math.min(items - 1, Math.abs(rnd.nextGaussian()) * items / 3);
                } while (seen[i] && (i = rnd.nextInt(items)) >= 0 && seen[i]);
                seen[i] = true;
                t[n++] = new int[] {u, i, 1 + rnd.nextInt(5)};
            }
        }
        return data(users, items, java.util.Arrays.copyOf(t, n));
    }

    @Test
    void shrunk_pearson_baseline_similarities_match_the_hand_computation() {
        // residuals: i0 (2,1,-2,-1), i1 (1,2,-1,-2), i2 (-2,-1,2,1), i3 (-1,-2,1,2)
        // pearson(i0,i1) = 8 / √(10·10) = 0.8, shrunk by (4−1)/(4−1+2) = 0.6 → 0.48
        // pearson(i0,i2) = −1, pearson(i0,i3) = 0: neither is kept
        ItemKnnModel m = new ItemKnnTrainer(params(Map.of("shrinkage", "2"))).train(balanced());
        assertThat(m.globalMean()).isEqualTo(3f);
        assertThat(m.itemBias(0)).isZero();
        assertThat(m.userBias(0)).isZero();
        assertThat(m.similarity(0, 1)).isCloseTo(0.48f, within(1e-6f));
        assertThat(m.similarity(1, 0)).isEqualTo(m.similarity(0, 1));
        assertThat(m.similarity(2, 3)).isCloseTo(0.48f, within(1e-6f));
        assertThat(m.neighbours(0)).containsExactly(1);
        assertThat(m.similarity(0, 2)).isZero();
        assertThat(m.similarity(0, 3)).isZero();
        ItemKnnModel unshrunk = new ItemKnnTrainer(params(Map.of("shrinkage", "0"))).train(balanced());
        assertThat(unshrunk.similarity(0, 1)).isCloseTo(0.8f, within(1e-6f));
    }

    @Test
    void cosine_similarities_match_the_hand_computation() {
        // columns i0 (5,4,1,2), i1 (4,5,2,1), i2 (1,2,5,4), i3 (2,1,4,5); every norm² is 46
        ItemKnnModel m = new ItemKnnTrainer(params(Map.of("similarity", "cosine"))).train(balanced());
        assertThat(m.similarity(0, 1)).isCloseTo(44f / 46, within(1e-6f));
        assertThat(m.similarity(0, 2)).isCloseTo(26f / 46, within(1e-6f));
        assertThat(m.similarity(0, 3)).isCloseTo(28f / 46, within(1e-6f));
        assertThat(m.neighbours(0)).containsExactly(1, 3, 2);
        // with missing ratings: i0 (5,4,1,0), i1 (3,2,0,4): 23 / √(42·29)
        ItemKnnModel s = new ItemKnnTrainer(params(Map.of("similarity", "cosine"))).train(sparse());
        assertThat(s.similarity(0, 1)).isCloseTo((float) (23 / Math.sqrt(42 * 29)), within(1e-6f));
        assertThat(s.similarity(0, 2)).isCloseTo((float) (25 / Math.sqrt(42 * 45)), within(1e-6f));
        assertThat(s.similarity(1, 2)).isCloseTo((float) (20 / Math.sqrt(29 * 45)), within(1e-6f));
    }

    @Test
    void one_als_sweep_gives_the_hand_computed_baselines() {
        // μ = 30/9; b_i = Σ(r − μ)/(10 + n): b_i0 = 0, b_i1 = −1/13, b_i2 = 1/13;
        // b_u0 = Σ(r − μ − b_i)/(15 + 3) = (12 − 10)/18 = 1/9
        ItemKnnModel m = new ItemKnnTrainer(params(Map.of("baseline_epochs", "1"))).train(sparse());
        assertThat(m.globalMean()).isCloseTo(10f / 3, within(1e-6f));
        assertThat((double) m.itemBias(0)).isCloseTo(0, within(EPS));
        assertThat((double) m.itemBias(1)).isCloseTo(-1.0 / 13, within(EPS));
        assertThat((double) m.itemBias(2)).isCloseTo(1.0 / 13, within(EPS));
        assertThat((double) m.userBias(0)).isCloseTo(1.0 / 9, within(EPS));
    }

    @Test
    void prediction_is_the_baseline_plus_similarity_weighted_residuals_of_the_k_nearest_rated_items() {
        // cosine, biases shrunk to 0 by a huge λ, so b_ui = μ = 10/3.
        // u1 rated i0 = 4 and i1 = 2; s(i2,i0) = 25/√1890, s(i2,i1) = 20/√1305
        Map<String, String> o = Map.of("similarity", "cosine", "item_regularization", "1e12",
                "user_regularization", "1e12");
        ItemKnnModel m = new ItemKnnTrainer(params(o)).train(sparse());
        double mu = 10.0 / 3;
        double s0 = 25 / Math.sqrt(1890);
        double s1 = 20 / Math.sqrt(1305);
        double expected = mu + (s0 * (4 - mu) + s1 * (2 - mu)) / (s0 + s1);
        assertThat((double) m.predict(1, 2)).isCloseTo(expected, within(EPS));
        assertThat((double) m.predict(1, 2)).isCloseTo(3.01897, within(1e-4));
        // with k = 1 only i0, the more similar, counts: μ + (4 − μ) = 4
        Map<String, String> k1 = new java.util.HashMap<>(o);
        k1.put("k", "1");
        ItemKnnModel m1 = new ItemKnnTrainer(params(k1)).train(sparse());
        assertThat((double) m1.predict(1, 2)).isCloseTo(4.0, within(EPS));
        // top-N score: sum of the similarities to the rated neighbours
        assertThat((double) m.score(1, 2)).isCloseTo(s0 + s1, within(EPS));
        float[] all = new float[3];
        m.scoreAll(1, all);
        assertThat(all[2]).isEqualTo(m.score(1, 2));
    }

    @Test
    void rating_scoring_ranks_by_the_unclipped_prediction() {
        ItemKnnModel m = new ItemKnnTrainer(params(Map.of("scoring", "rating"))).train(sparse());
        float[] all = new float[3];
        m.scoreAll(1, all);
        for (int i = 0; i < 3; i++) {
            assertThat(all[i]).isEqualTo(m.score(1, i));
            float clipped = Math.max(m.minRating(), Math.min(m.maxRating(), all[i]));
            assertThat(m.predict(1, i)).isEqualTo(clipped);
        }
    }

    @Test
    void unknown_user_gets_the_non_personal_baseline_and_is_not_known() {
        ItemKnnModel m = new ItemKnnTrainer().train(sparse());
        assertThat(m.knowsUser(4)).isFalse();
        assertThat(m.knowsUser(99)).isFalse();
        assertThat(m.knowsUser(0)).isTrue();
        for (int i = 0; i < 3; i++) {
            float base = m.globalMean() + m.itemBias(i);
            assertThat(m.predict(4, i)).isEqualTo(Math.max(1f, Math.min(5f, base)));
            assertThat(m.score(4, i)).isEqualTo(base);
            assertThat(m.predict(99, i)).isEqualTo(m.predict(4, i));
        }
        float[] out = new float[3];
        m.scoreAll(4, out);
        assertThat(out[1]).isEqualTo(m.globalMean() + m.itemBias(1));
    }

    @Test
    void training_twice_on_the_same_data_gives_identical_models() {
        Interactions d = random(7, 300, 120, 25);
        ItemKnnModel a = new ItemKnnTrainer().train(d);
        ItemKnnModel b = new ItemKnnTrainer().train(d);
        for (int i = 0; i < d.items().size(); i++) {
            assertThat(b.neighbours(i)).isEqualTo(a.neighbours(i));
            assertThat(b.neighbourSimilarities(i)).isEqualTo(a.neighbourSimilarities(i));
        }
        float[] sa = new float[d.items().size()];
        float[] sb = new float[d.items().size()];
        for (int u = 0; u < d.users().size(); u += 7) {
            a.scoreAll(u, sa);
            b.scoreAll(u, sb);
            assertThat(sb).isEqualTo(sa);
            assertThat(b.predict(u, u % 120)).isEqualTo(a.predict(u, u % 120));
        }
        assertThat(b.provenance().dataFingerprint()).isEqualTo(a.provenance().dataFingerprint());
        assertThat(b.summary().epochLoss()).isEqualTo(a.summary().epochLoss());
    }

    @Test
    void save_then_load_gives_equal_predictions_and_params(@TempDir Path tmp) {
        Interactions d = random(11, 150, 80, 20);
        ItemKnnParams p = params(Map.of("k", "15", "max_neighbours", "30", "scoring", "rating"));
        ItemKnnModel m = new ItemKnnTrainer(p).train(d);
        Path dir = m.save(tmp.resolve("knn"));
        ItemKnnModel back = ItemKnnModel.SPEC.loader().apply(ModelArchive.read(dir));
        assertThat(back.params()).isEqualTo(p);
        assertThat(back.users()).isEqualTo(m.users());
        assertThat(back.items()).isEqualTo(m.items());
        assertThat(back.provenance().algorithm()).isEqualTo("itemknn");
        assertThat(back.provenance().dataFingerprint()).isEqualTo(m.provenance().dataFingerprint());
        assertThat(back.provenance().trainedAt()).isEqualTo(m.provenance().trainedAt());
        float[] s1 = new float[80];
        float[] s2 = new float[80];
        for (int u = 0; u < 150; u++) {
            m.scoreAll(u, s1);
            back.scoreAll(u, s2);
            assertThat(s2).isEqualTo(s1);
            for (int i = 0; i < 80; i += 9) {
                assertThat(back.predict(u, i)).isEqualTo(m.predict(u, i));
            }
        }
    }

    @Test
    void bad_params_are_refused_naming_the_field_and_value() {
        assertThatThrownBy(() -> ParamsBinder.bind(ItemKnnParams.defaults(), Map.of("k", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k").hasMessageContaining("0");
        assertThatThrownBy(() -> ParamsBinder.bind(ItemKnnParams.defaults(), Map.of("shrinkage", "-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shrinkage")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> ParamsBinder.bind(ItemKnnParams.defaults(), Map.of("min_support", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min_support");
        assertThatThrownBy(() -> ParamsBinder.bind(ItemKnnParams.defaults(), Map.of("max_neighbours", "10")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max_neighbours")
                .hasMessageContaining("10");
        assertThatThrownBy(() -> ParamsBinder.bind(ItemKnnParams.defaults(), Map.of("similarity", "jaccard")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("similarity")
                .hasMessageContaining("jaccard");
        assertThatThrownBy(() -> ItemKnnModel.SPEC.trainer(Map.of("user_regularization", "NaN")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("user_regularization");
    }

    @Test
    void spec_builds_trainers_from_overrides() {
        RecommenderTrainer<ItemKnnModel> t = ItemKnnModel.SPEC.trainer(Map.of("k", "5", "similarity", "cosine"));
        assertThat(t.algorithm()).isEqualTo("itemknn");
        assertThat(((ItemKnnParams) t.params()).k()).isEqualTo(5);
        assertThat(ItemKnnModel.SPEC.predictsRatings()).isTrue();
    }

    @Test
    void empty_data_is_refused() {
        Interactions empty = data(3, 3, new int[0][]);
        assertThatThrownBy(() -> new ItemKnnTrainer().train(empty))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void unknown_item_index_is_refused_naming_it() {
        ItemKnnModel m = new ItemKnnTrainer().train(sparse());
        assertThatThrownBy(() -> m.predict(0, 7)).hasMessageContaining("7");
    }
}
