package io.marquee.recommend.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class OnlineUpdaterTest {

    /** Random factors (rank k), biases around 0, μ = 3.5; {@code users} trained users. */
    static HandFactorModel randomModel(long seed, int users, int items, int k, float lambda) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] bu = new float[users];
        float[] bi = new float[items];
        float[] p = new float[users * k];
        float[] q = new float[items * k];
        for (int u = 0; u < users; u++) {
            bu[u] = (float) (rnd.nextDouble() - 0.5);
        }
        for (int i = 0; i < items; i++) {
            bi[i] = (float) (rnd.nextDouble() - 0.5);
        }
        for (int x = 0; x < p.length; x++) {
            p[x] = (float) (rnd.nextGaussian() * 0.3);
        }
        for (int x = 0; x < q.length; x++) {
            q[x] = (float) (rnd.nextGaussian() * 0.3);
        }
        return new HandFactorModel(k, 3.5f, bu, bi, p, q, lambda);
    }

    /**
     * Three clusters of five films in rank 3: films 0–4 point along e1, 5–9 along e2, 10–14 along e3,
     * each with a small tilt. No biases (μ = 3.5, b = 0). Two trained users.
     */
    static HandFactorModel clustered() {
        int k = 3;
        int items = 15;
        float[] q = new float[items * k];
        for (int i = 0; i < items; i++) {
            int c = i / 5;
            q[i * k + c] = 1.0f - 0.05f * (i % 5);
            q[i * k + (c + 1) % 3] = 0.1f * (i % 5);
        }
        float[] p = {0.5f, 0f, 0f, 0f, 0.5f, 0f};
        return new HandFactorModel(k, 3.5f, new float[2], new float[items], p, q, 0.1f);
    }

    static Catalogue clusterCatalogue() {
        long[] ids = new long[15];
        String[] titles = new String[15];
        int[][] genres = new int[15][];
        for (int i = 0; i < 15; i++) {
            ids[i] = 10 + i;
            titles[i] = "Film " + i;
            genres[i] = new int[] {i / 5};
        }
        return new Catalogue(IdIndex.of(ids), titles, new int[15], new int[15], genres,
                List.of("Action", "Comedy", "Drama"));
    }

    /** b_u and x_u computed independently with EJML. */
    static double[] expected(HandFactorModel m, int[] items, float[] ratings, double lambda, double biasReg) {
        int n = items.length;
        int k = m.rank();
        double bu = 0;
        for (int p = 0; p < n; p++) {
            bu += ratings[p] - m.globalMean() - m.itemBias(items[p]);
        }
        bu /= biasReg + n;
        DMatrixRMaj qu = new DMatrixRMaj(n, k);
        DMatrixRMaj t = new DMatrixRMaj(n, 1);
        for (int p = 0; p < n; p++) {
            for (int f = 0; f < k; f++) {
                qu.set(p, f, m.itemFactorArray()[items[p] * k + f]);
            }
            t.set(p, 0, ratings[p] - m.globalMean() - m.itemBias(items[p]) - bu);
        }
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(qu, qu, a);
        for (int f = 0; f < k; f++) {
            a.add(f, f, lambda);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.multTransA(qu, t, rhs);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        assertThat(CommonOps_DDRM.solve(a, rhs, x)).isTrue();
        double[] out = new double[k + 1];
        for (int f = 0; f < k; f++) {
            out[f] = x.get(f, 0);
        }
        out[k] = bu;
        return out;
    }

    static float dot(float[] x, float[] q, int item) {
        float s = 0;
        for (int f = 0; f < x.length; f++) {
            s += x[f] * q[item * x.length + f];
        }
        return s;
    }

    @Test
    void folded_vector_equals_the_closed_form_ridge_solution() {
        HandFactorModel m = randomModel(3, 5, 60, 8, 0.7f);
        int[] items = {3, 17, 22, 40, 41, 5, 59, 30, 12, 8, 1};
        float[] ratings = {5, 4, 1, 3, 4.5f, 2, 5, 3, 4, 1, 3};
        FoldedUser f = new OnlineUpdater(m).foldIn(items, ratings);
        double[] e = expected(m, items, ratings, 0.7, 15);
        for (int k = 0; k < 8; k++) {
            assertThat((double) f.vector()[k]).isCloseTo(e[k], within(1e-5));
        }
        assertThat((double) f.bias()).isCloseTo(e[8], within(1e-6));
        assertThat(f.ratings()).isEqualTo(11);
    }

    @Test
    void fewer_ratings_than_factors_and_weighted_lambda_still_match_the_closed_form() {
        HandFactorModel m = randomModel(5, 3, 40, 12, 0.2f);
        int[] items = {1, 9, 33};
        float[] ratings = {5, 2, 4};
        FoldInOptions o = new FoldInOptions(Double.NaN, true, 4, 5f, 10);
        FoldedUser f = new OnlineUpdater(m, o).foldIn(items, ratings);
        double[] e = expected(m, items, ratings, 0.2 * 3, 4);
        for (int k = 0; k < 12; k++) {
            assertThat((double) f.vector()[k]).isCloseTo(e[k], within(1e-5));
        }
        assertThat((double) f.bias()).isCloseTo(e[12], within(1e-6));
    }

    @Test
    void a_model_without_biases_keeps_the_user_bias_at_zero() {
        HandFactorModel r = randomModel(9, 2, 20, 4, 1f);
        HandFactorModel implicit = new HandFactorModel(4, 0f, new float[2], new float[20], new float[8],
                r.itemFactorArray(), 1f);
        OnlineUpdater up = new OnlineUpdater(implicit);
        assertThat(up.hasBiases()).isFalse();
        FoldedUser f = up.foldIn(new int[] {1, 2, 3}, new float[] {1, 1, 1});
        assertThat(f.bias()).isZero();
        double[] e = expected(implicit, new int[] {1, 2, 3}, new float[] {1, 1, 1}, 1, Double.POSITIVE_INFINITY);
        for (int k = 0; k < 4; k++) {
            assertThat((double) f.vector()[k]).isCloseTo(e[k], within(1e-5));
        }
    }

    @Test
    void a_new_high_rating_raises_that_film_and_its_neighbours_at_once() {
        HandFactorModel m = clustered();
        OnlineUpdater up = new OnlineUpdater(m);
        OverlayScorer scorer = new OverlayScorer(m);
        int[] history = {5, 6, 7};
        float[] ratings = {4, 4, 3};
        scorer.put(1, up.foldIn(history, ratings));
        float before0 = scorer.score(1, 0);
        float before1 = scorer.score(1, 1);
        float before12 = scorer.score(1, 12);
        scorer.put(1, up.foldInWith(history, ratings, 0, 5f));
        assertThat(scorer.score(1, 0)).isGreaterThan(before0 + 0.3f);
        assertThat(scorer.score(1, 1)).isGreaterThan(before1 + 0.3f);
        assertThat(scorer.score(1, 12) - before12).isLessThan(scorer.score(1, 1) - before1);
        float[] all = new float[15];
        scorer.scoreAll(1, all);
        assertThat(all[0]).isEqualTo(scorer.score(1, 0));
        assertThat(history).containsExactly(5, 6, 7);
    }

    @Test
    void a_new_rating_of_an_already_rated_film_replaces_the_old_one() {
        HandFactorModel m = randomModel(4, 2, 30, 5, 0.5f);
        OnlineUpdater up = new OnlineUpdater(m);
        FoldedUser replaced = up.foldInWith(new int[] {1, 2, 3}, new float[] {2, 2, 2}, 2, 5f);
        FoldedUser direct = up.foldIn(new int[] {1, 2, 3}, new float[] {2, 5, 2});
        assertThat(replaced).isEqualTo(direct);
        assertThat(replaced.ratings()).isEqualTo(3);
    }

    @Test
    void a_cold_start_viewer_from_liked_films_gets_films_like_them() {
        HandFactorModel m = clustered();
        OverlayScorer scorer = new OverlayScorer(m);
        ColdStart cold = new ColdStart(new OnlineUpdater(m), clusterCatalogue(), interactions());
        int user = scorer.add(cold.fromLikedFilms(10, 11));
        assertThat(user).isEqualTo(2);
        assertThat(scorer.userCount()).isEqualTo(3);
        assertThat(scorer.knowsUser(user)).isTrue();
        assertThat(scorer.knowsUser(7)).isFalse();
        Recommendations recs = new TopN(scorer).recommend(user, 3, null, i -> i == 10 || i == 11);
        assertThat(recs.items()).containsExactlyInAnyOrder(12, 13, 14);
    }

    @Test
    void a_cold_start_viewer_from_genres_gets_popular_films_of_those_genres() {
        HandFactorModel m = clustered();
        ColdStart cold = new ColdStart(new OnlineUpdater(m, new FoldInOptions(Double.NaN, false, 15, 5f, 2)),
                clusterCatalogue(), interactions());
        assertThat(cold.seedFilms(1)).containsExactly(7, 5);
        OverlayScorer scorer = new OverlayScorer(m);
        int user = scorer.add(cold.fromGenreNames("Comedy"));
        Recommendations recs = new TopN(scorer).recommend(user, 5, null, null);
        assertThat(recs.items()).containsExactlyInAnyOrder(5, 6, 7, 8, 9);
        assertThatThrownBy(() -> cold.fromGenreNames("Western"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Western");
    }

    /** Popularity: films 7 and 5 have two ratings each (7 has the higher mean), others one or none. */
    static Interactions interactions() {
        long[] items = new long[15];
        for (int i = 0; i < 15; i++) {
            items[i] = 10 + i;
        }
        int[] u = {0, 1, 0, 0, 1, 0, 1, 0};
        int[] i = {7, 7, 5, 1, 6, 11, 5, 2};
        float[] v = {5, 4, 4, 3, 2, 5, 4, 3};
        return new Interactions(IdIndex.of(100, 101, 102), IdIndex.of(items), u, i, v, new long[u.length]);
    }

    @Test
    void unknown_and_out_of_range_users_get_the_non_personal_scores() {
        HandFactorModel m = clustered();
        OverlayScorer scorer = new OverlayScorer(m);
        assertThat(scorer.score(50, 3)).isEqualTo(m.globalMean() + m.itemBias(3));
        assertThat(scorer.score(0, 3)).isEqualTo(m.score(0, 3));
        assertThat(scorer.knowsUser(0)).isTrue();
    }

    @Test
    void concurrent_fold_ins_give_the_same_vectors_as_serial_ones() {
        HandFactorModel m = randomModel(8, 2, 200, 20, 0.5f);
        OnlineUpdater up = new OnlineUpdater(m);
        int users = 64;
        int[][] items = new int[users][];
        float[][] ratings = new float[users][];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int u = 0; u < users; u++) {
            int n = 5 + rnd.nextInt(40);
            items[u] = rnd.ints(n, 0, 200).toArray();
            ratings[u] = new float[n];
            for (int p = 0; p < n; p++) {
                ratings[u][p] = 1 + rnd.nextInt(5);
            }
        }
        FoldedUser[] serial = new FoldedUser[users];
        for (int u = 0; u < users; u++) {
            serial[u] = up.foldIn(items[u], ratings[u]);
        }
        FoldedUser[] parallel = new FoldedUser[users];
        IntStream.range(0, users).parallel().forEach(u -> parallel[u] = up.foldIn(items[u], ratings[u]));
        assertThat(parallel).containsExactly(serial);
    }

    @Test
    void bad_inputs_are_refused_naming_the_value() {
        HandFactorModel m = clustered();
        OnlineUpdater up = new OnlineUpdater(m);
        assertThatThrownBy(() -> up.foldIn(new int[] {99}, new float[] {4}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> up.foldIn(new int[] {1}, new float[] {Float.NaN}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new FoldInOptions(-1, false, 15, 5, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new OverlayScorer(m).put(0, new FoldedUser(new float[2], 0, 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rank");
        FoldedUser nobody = up.foldIn(new int[0], new float[0]);
        assertThat(nobody.vector()).containsOnly(0f);
    }
}
