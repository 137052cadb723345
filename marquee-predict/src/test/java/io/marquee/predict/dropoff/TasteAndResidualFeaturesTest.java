package io.marquee.predict.dropoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.data.WatchLog;
import io.marquee.predict.table.Table;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The taste-match, context-flag and viewer-residual features on hand cases, and their leak tests. */
class TasteAndResidualFeaturesTest {
    private static final List<String> NEW_COLUMNS = List.of("m_match", "m_user_bias", "m_film_bias", "m_ratings",
            "m_choice", "m_pick", "late_night", "mon_thu", "tv_group", "chain", "h_resid", "h_resid_runtime",
            "h_resid_effect");
    /** Columns that read the fit period's mean rating (the prior), which a change of ratings moves everywhere. */
    private static final List<String> RATING_PRIOR_COLUMNS = List.of("f_rating", "h_genre_rating");

    private static Dataset tiny;

    @BeforeAll
    static void data() {
        tiny = DropoffTaskTest.generate(400, 7);
    }

    /** Rank-1 factors over three films: q = (1, 2, 0), b = (0.5, −0.5, 0), μ = 3, λ = 0.1, no implicit part. */
    private static TasteFactors rankOne() {
        return new TasteFactors(1, 0.1f, 3f, new float[] {1f, 2f, 0f}, new float[] {0.5f, -0.5f, 0f},
                new int[] {4, 4, 0}, new float[] {0f, 0f, 0f}, new double[] {0}, 1f, 1f);
    }

    @Test
    void late_night_is_23_to_4_and_mon_thu_is_monday_to_thursday_on_the_viewers_clock() {
        assertThat(DropoffFeatures.lateNight(Instant.parse("2023-01-02T23:00:00Z").getEpochSecond())).isTrue();
        assertThat(DropoffFeatures.lateNight(Instant.parse("2023-01-02T04:59:59Z").getEpochSecond())).isTrue();
        assertThat(DropoffFeatures.lateNight(Instant.parse("2023-01-02T05:00:00Z").getEpochSecond())).isFalse();
        assertThat(DropoffFeatures.lateNight(Instant.parse("2023-01-02T22:59:59Z").getEpochSecond())).isFalse();
        // 2023-01-02 was a Monday, 2023-01-05 a Thursday, 2023-01-06 a Friday, 2023-01-08 a Sunday
        assertThat(DropoffFeatures.monToThu(Instant.parse("2023-01-02T12:00:00Z").getEpochSecond())).isTrue();
        assertThat(DropoffFeatures.monToThu(Instant.parse("2023-01-05T23:59:59Z").getEpochSecond())).isTrue();
        assertThat(DropoffFeatures.monToThu(Instant.parse("2023-01-06T00:00:00Z").getEpochSecond())).isFalse();
        assertThat(DropoffFeatures.monToThu(Instant.parse("2023-01-08T20:00:00Z").getEpochSecond())).isFalse();
        assertThat(DropoffFeatures.monToThu(Instant.parse("1969-12-29T10:00:00Z").getEpochSecond())).isTrue();
    }

    @Test
    void the_viewer_is_folded_in_by_the_ridge_system_of_the_als_user_step() {
        TasteState s = new TasteState(2, rankOne());
        double[] out = new double[5];
        s.features(0, 0, out);
        assertThat(out).containsExactly(0, 0, 0.5, 0, 0); // no ratings: no taste, the film's bias only
        s.rating(0, 0, 4.5f); // target 4.5 − 3 − 0.5 = 1, f = (1, 1)
        s.rating(0, 1, 2.5f); // target 2.5 − 3 + 0.5 = 0, f = (2, 1)
        // (Σ f fᵀ + 0.1·2·I) [x; b] = Σ f t:  [[5.2, 3], [3, 2.2]] [x; b] = [1; 1]
        double det = 5.2 * 2.2 - 9;
        double x = (2.2 - 3) / det;
        double b = (5.2 - 3) / det;
        s.features(0, 1, out);
        assertThat(out[0]).isCloseTo(2 * x, within(1e-6));
        assertThat(out[1]).isCloseTo(b, within(1e-6));
        assertThat(out[2]).isCloseTo(-0.5, within(1e-7));
        assertThat(s.ratings(0)).isEqualTo(2);
        assertThat(s.ratings(1)).isZero();
        // a rating of a film the factors never saw says nothing about taste
        s.rating(0, 2, 5f);
        s.features(0, 1, out);
        assertThat(out[0]).isCloseTo(2 * x, within(1e-6));
        // unknown film (-1): no match, no bias; unknown viewer (-1): nothing
        s.features(0, -1, out);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isCloseTo(b, within(1e-6));
        assertThat(out[2]).isZero();
        s.features(-1, 0, out);
        assertThat(out).containsExactly(0, 0, 0.5, 0, 0);
    }

    @Test
    void new_factors_or_a_new_rating_refresh_the_cached_taste() {
        TasteState s = new TasteState(1, rankOne());
        s.rating(0, 0, 5f);
        double[] a = new double[5];
        s.features(0, 0, a);
        double[] b = new double[5];
        s.rating(0, 0, 1f);
        s.features(0, 0, b);
        assertThat(b[0]).isLessThan(a[0]);
        TasteFactors f = rankOne();
        TasteFactors flipped = new TasteFactors(1, 0.1f, 3f, new float[] {-1f, -2f, 0f}, f.bias(), f.counts(), f.y(),
                f.gram(), 1f, 1f);
        s.factors(flipped);
        double[] c = new double[5];
        s.features(0, 0, c);
        assertThat(c[0]).isCloseTo(b[0], within(1e-6)); // (−x)·(−q) = x·q: same match, recomputed, not stale
        assertThat(c[1]).isCloseTo(b[1], within(1e-6));
    }

    @Test
    void the_choice_taste_solves_the_implicit_als_user_step() {
        // rank 1, y = (1, 0.5), YᵀY = 1.25, α = 2, λ = 1
        TasteFactors f = new TasteFactors(1, 0.1f, 0f, new float[] {0f, 0f}, new float[] {0f, 0f}, new int[] {0, 0},
                new float[] {1f, 0.5f}, new double[] {1.25}, 1f, 2f);
        TasteState s = new TasteState(1, f);
        s.view(0, 0, true);
        s.view(0, 0, false); // a rewatch: confidence 1 + 2·2 = 5 on film 0
        double[] out = new double[5];
        s.features(0, 1, out);
        // (1.25 + (5 − 1)·1 + 1) z = 5·1  →  z = 5 / 6.25 = 0.8; match with film 1 = 0.8·0.5
        assertThat(out[3]).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void the_choice_model_folds_the_viewer_in_by_one_newton_step_against_the_expected_negatives() {
        // rank 1, film vectors v = (1, −1, 0.5), negatives: E[v] = 0.2, E[v²] = 0.8, λ = 1
        ChoiceFactors c = new ChoiceFactors(1, 1f, new float[] {1f, -1f, 0.5f}, new double[] {0.2},
                new double[] {0.8});
        TasteFactors f = new TasteFactors(1, 0.1f, 0f, new float[3], new float[3], new int[3], new float[3],
                new double[] {0}, 1f, 1f, c);
        TasteState s = new TasteState(1, f);
        s.view(0, 0, true);
        s.view(0, 2, true);
        s.view(0, 0, false); // a rewatch is not a choice: left out
        double[] out = new double[5];
        s.features(0, 1, out);
        // n = 2: (¼ (1 + 0.25 + 2·0.8) + 1) x = ½ (1 + 0.5 − 2·0.2)  →  x = 0.55 / 1.7125; match with film 1 = −x
        assertThat(out[4]).isCloseTo(-0.55 / 1.7125, within(1e-6));
        double[] none = new double[5];
        new TasteState(1, f).features(0, 1, none);
        assertThat(none[4]).isZero();
        // a later choice is added to the kept sums: the same as folding the three choices in afresh
        s.view(0, 1, true);
        s.features(0, 2, out);
        TasteState fresh = new TasteState(1, f);
        fresh.view(0, 0, true);
        fresh.view(0, 2, true);
        fresh.view(0, 1, true);
        double[] again = new double[5];
        fresh.features(0, 2, again);
        assertThat(out[4]).isCloseTo(again[4], within(1e-12));
        // n = 3: (¼ (1 + 0.25 + 1 + 3·0.8) + 1) x = ½ (0.5 − 3·0.2)  →  match with film 2 = 0.5·x
        assertThat(out[4]).isCloseTo(0.5 * (-0.05 / (0.25 * 4.65 + 1)), within(1e-9));
        // new factors: the sums are rebuilt from every view
        s.factors(new TasteFactors(1, 0.1f, 0f, new float[3], new float[3], new int[3], new float[3],
                new double[] {0}, 1f, 1f, new ChoiceFactors(1, 1f, new float[] {2f, -2f, 1f}, new double[] {0.4},
                        new double[] {3.2})));
        s.features(0, 2, out);
        // v doubled: (¼ (4 + 1 + 4 + 3·3.2) + 1) x = ½ (1 − 3·0.4)  →  match with film 2 = 1·x
        assertThat(out[4]).isCloseTo(-0.1 / (0.25 * 18.6 + 1), within(1e-9));
    }

    @Test
    void the_choice_model_learns_which_films_a_group_picks_beyond_their_popularity() {
        // two groups of viewers and two groups of films; film 0 of each group is four times as
        // popular as the rest; a viewer picks from the own group's films nine times in ten
        int users = 400;
        int films = 20;
        SplittableRandom rng = new SplittableRandom(3);
        java.util.List<int[]> picks = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            int group = u % 2;
            for (int k = 0; k < 8; k++) {
                int g = rng.nextDouble() < 0.9 ? group : 1 - group;
                int i = rng.nextDouble() < 4.0 / 13 ? 0 : 1 + rng.nextInt(9);
                picks.add(new int[] {u, g * 10 + i});
            }
        }
        int[] pu = new int[picks.size()];
        int[] pi = new int[picks.size()];
        float[] one = new float[picks.size()];
        long[] t = new long[picks.size()];
        for (int k = 0; k < pu.length; k++) {
            pu[k] = picks.get(k)[0];
            pi[k] = picks.get(k)[1];
            one[k] = 1f;
            t[k] = k;
        }
        long[] uid = new long[users];
        long[] fid = new long[films];
        for (int u = 0; u < users; u++) {
            uid[u] = u + 1;
        }
        for (int i = 0; i < films; i++) {
            fid[i] = i + 1;
        }
        Interactions views = new Interactions(io.marquee.core.data.IdIndex.of(uid), io.marquee.core.data.IdIndex.of(fid),
                pu, pi, one, t);
        ChoiceFactors c = ChoiceFactors.fit(views, 50, 7);
        TasteFactors f = new TasteFactors(1, 0.1f, 0f, new float[films], new float[films], new int[films],
                new float[films], new double[] {0}, 1f, 1f, c);
        // a new viewer who chose two films of group 0: every group-0 film matches better than every group-1 film
        TasteState s = new TasteState(1, f);
        s.view(0, 3, true);
        s.view(0, 5, true);
        double[] out = new double[5];
        double worstOwn = Double.POSITIVE_INFINITY;
        double bestOther = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < films; i++) {
            s.features(0, i, out);
            if (i < 10) {
                worstOwn = Math.min(worstOwn, out[4]);
            } else {
                bestOther = Math.max(bestOther, out[4]);
            }
        }
        assertThat(worstOwn).isGreaterThan(bestOther);
        // and the same fit again is identical (seeded, single-threaded)
        assertThat(ChoiceFactors.fit(views, 50, 7).v()).containsExactly(c.v());
    }

    @Test
    void features_of_an_event_do_not_change_when_later_views_change() {
        DropoffParams p = DropoffParams.defaults();
        DropoffExamples ex = DropoffExamples.build(tiny, p);
        // a cut inside the fit period: every later view is moved to another film (a bijection, so
        // the clean events and the split stay as they were); refits after the cut see it, earlier ones must not
        WatchLog w = tiny.watches();
        long cut = ex.validStart() - (ex.validStart() - w.startedAt(ex.events()[0])) / 3;
        int films = tiny.catalogue().size();
        int[] item = w.itemArray().clone();
        long[] ids = new long[w.size()];
        byte[] dev = new byte[w.size()];
        for (int k = 0; k < w.size(); k++) {
            ids[k] = w.eventId(k);
            dev[k] = (byte) w.deviceNames().indexOf(w.device(k));
            if (w.startedAt(k) >= cut) {
                item[k] = (item[k] + 1) % films;
            }
        }
        WatchLog moved = new WatchLog(ids, w.userArray(), item, w.startedAtArray(), w.watchedMinutesArray(),
                w.runtimeMinutesArray(), dev, w.deviceNames(), w.completedArray(), w.trueDropoffArray());
        DropoffExamples ex2 = DropoffExamples.build(new Dataset(tiny.catalogue(), tiny.viewers(), tiny.ratings(), moved), p);
        assertThat(ex2.size()).isEqualTo(ex.size());
        Table a = ex.table();
        Table b = ex2.table();
        int before = 0;
        int pickChangedAfter = 0;
        int pick = a.schema().indexOf("m_pick");
        for (int j = 0; j < ex.size(); j++) {
            if (w.startedAt(ex.events()[j]) < cut) {
                for (int c = 0; c < a.schema().size(); c++) {
                    assertThat(b.text(j, c)).as("row %d column %s before the cut", j, a.schema().column(c).name())
                            .isEqualTo(a.text(j, c));
                }
                before++;
            } else if (!a.text(j, pick).equals(b.text(j, pick))) {
                pickChangedAfter++;
            }
        }
        assertThat(before).isPositive();
        assertThat(pickChangedAfter).as("later rows do see the moved views").isPositive();
    }

    @Test
    void the_baseline_without_a_fit_is_the_films_completion_rate() {
        float[] in = new float[ContextBaseline.WIDTH];
        ContextBaseline.inputs("mobile", Instant.parse("2023-01-02T23:30:00Z").getEpochSecond(), true, false, 130,
                true, 0.7, 0.2, in, 0);
        assertThat(in).containsExactly(1f, 0f, 0f, 1f, 1f, 1f, 0f, 1f, 1f, (float) Math.log(0.7 / 0.3), 0.2f);
        assertThat(ContextBaseline.none().completion(in, 0)).isCloseTo(0.7, within(1e-6));
    }

    @Test
    void the_baseline_recovers_the_coefficients_of_a_known_logistic_model() {
        int n = 60_000;
        int w = ContextBaseline.WIDTH;
        float[] x = new float[n * w];
        boolean[] y = new boolean[n];
        SplittableRandom r = new SplittableRandom(3);
        String[] devices = {"tv", "mobile", "tablet", "desktop"};
        for (int k = 0; k < n; k++) {
            double c = 0.2 + 0.6 * r.nextDouble();
            ContextBaseline.inputs(devices[r.nextInt(4)], r.nextLong(0, 400L * 86_400), r.nextBoolean(),
                    r.nextBoolean(), 70 + r.nextInt(100), r.nextDouble() < 0.1, c, r.nextGaussian() * 0.3, x, k * w);
            // truth: mobile −0.5, late night −0.5, runtime −0.45 per 30 min, logit of the film's rate +1
            double eta = 0.3 - 0.5 * x[k * w] - 0.5 * x[k * w + 3] - 0.45 * x[k * w + 7] + x[k * w + 9];
            y[k] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
        }
        double[] beta = ContextBaseline.fit(x, y, n, 1).beta();
        assertThat(beta[0]).isCloseTo(0.3, within(0.1));
        assertThat(beta[1]).isCloseTo(-0.5, within(0.1));
        assertThat(beta[4]).isCloseTo(-0.5, within(0.1));
        assertThat(beta[8]).isCloseTo(-0.45, within(0.05));
        assertThat(beta[10]).isCloseTo(1.0, within(0.15));
        assertThat(beta[6]).isCloseTo(0.0, within(0.1)); // chain plays no part in this truth
        assertThat(ContextBaseline.fit(x, y, 50, 1).beta()).containsExactly(ContextBaseline.none().beta());
    }

    @Test
    void the_viewer_residuals_sum_outcomes_against_the_baseline() {
        UserHistory h = new UserHistory(1, 2);
        // completed a 130-min film expected at 0.8, then dropped a 100-min film expected at 0.8
        h.view(0, 0, new int[] {0}, 130, 1_000, 130f, false, 0.7, 0.8, 1_200);
        h.view(0, 1, new int[] {1}, 100, 100_000, 10f, true, 0.7, 0.8, 1_200);
        assertThat(h.resid[0]).isCloseTo(0.2f - 0.8f, within(1e-6f));
        assertThat(h.residInfo[0]).isCloseTo(0.32f, within(1e-6f));
        assertThat(h.residX[0]).isCloseTo(0.2f, within(1e-6f)); // x = 1 for the first, 0 for the second
        assertThat(h.residInfoX[0]).isCloseTo(0.16f, within(1e-6f));
    }

    @Test
    void refits_happen_inside_the_fit_period_and_at_the_validation_and_test_starts() {
        DropoffExamples ex = DropoffExamples.build(tiny, DropoffParams.defaults());
        WatchLog w = tiny.watches();
        int[] order = DropoffExamples.cleanOrder(w, tiny.catalogue(), 5, new int[2]);
        long[] t = DropoffExamples.refitTimes(w, order, ex.validStart(), ex.testStart());
        assertThat(t).hasSize(DropoffExamples.TASTE_SLICES + 1);
        for (int k = 1; k < t.length; k++) {
            assertThat(t[k]).isGreaterThan(t[k - 1]);
        }
        assertThat(t[t.length - 2]).isEqualTo(ex.validStart());
        assertThat(t[t.length - 1]).isEqualTo(ex.testStart());
    }

    @Test
    void the_new_columns_are_written_and_carry_signal() {
        DropoffExamples ex = DropoffExamples.build(tiny, DropoffParams.defaults());
        Table t = ex.table();
        assertThat(ex.columnNames()).containsAll(NEW_COLUMNS);
        int[] test = ex.rows(DropoffExamples.TEST);
        double[] choice = t.numeric("m_choice");
        double[] pick = t.numeric("m_pick");
        double[] resid = t.numeric("h_resid");
        double[] bias = t.numeric("m_film_bias");
        int nonZeroChoice = 0;
        int nonZeroResid = 0;
        int nonZeroBias = 0;
        int nonZeroPick = 0;
        for (int j : test) {
            nonZeroPick += pick[j] != 0 ? 1 : 0;
            nonZeroChoice += choice[j] != 0 ? 1 : 0;
            nonZeroResid += resid[j] != 0 ? 1 : 0;
            nonZeroBias += bias[j] != 0 ? 1 : 0;
        }
        assertThat(nonZeroChoice).isGreaterThan(test.length / 2);
        assertThat(nonZeroResid).isGreaterThan(test.length / 2);
        assertThat(nonZeroBias).isGreaterThan(test.length / 2);
        assertThat(nonZeroPick).isGreaterThan(test.length / 2);
        // viewers who completed more than the baseline expected drop off less: h_resid against the truth
        double[] truth = ex.truth();
        double[] x = new double[test.length];
        double[] y = new double[test.length];
        for (int k = 0; k < test.length; k++) {
            x[k] = resid[test[k]];
            y[k] = truth[test[k]];
        }
        assertThat(correlation(x, y)).isLessThan(-0.3);
    }

    @Test
    void taste_and_residual_features_of_an_event_do_not_change_when_later_ratings_change() {
        DropoffParams p = DropoffParams.defaults();
        DropoffExamples ex = DropoffExamples.build(tiny, p);
        // a cut inside the fit period: refits after it see the changed ratings, refits before it must not
        WatchLog w = tiny.watches();
        long cut = ex.validStart() - (ex.validStart() - w.startedAt(ex.events()[0])) / 3;
        Interactions r = tiny.ratings();
        float[] value = r.valueArray().clone();
        int changed = 0;
        for (int k = 0; k < r.size(); k++) {
            if (r.time(k) >= cut) {
                value[k] = 6 - value[k]; // mirror every later rating: 5 ↔ 1
                changed++;
            }
        }
        assertThat(changed).isPositive();
        Interactions mirrored = new Interactions(r.users(), r.items(), r.userArray(), r.itemArray(), value,
                r.timeArray());
        DropoffExamples ex2 = DropoffExamples.build(new Dataset(tiny.catalogue(), tiny.viewers(), mirrored,
                tiny.watches()), p);
        Table a = ex.table();
        Table b = ex2.table();
        int before = 0;
        int changedAfter = 0;
        for (int j = 0; j < ex.size(); j++) {
            boolean earlier = w.startedAt(ex.events()[j]) < cut;
            boolean same = true;
            for (String c : ex.columnNames()) {
                if (RATING_PRIOR_COLUMNS.contains(c)) {
                    continue;
                }
                int col = a.schema().indexOf(c);
                same &= a.text(j, col).equals(b.text(j, col));
            }
            if (earlier) {
                assertThat(same).as("row %d before the cut", j).isTrue();
                before++;
            } else if (!same) {
                changedAfter++;
            }
        }
        assertThat(before).isPositive();
        assertThat(changedAfter).as("later rows do see the changed ratings").isPositive();
    }

    @Test
    void a_saved_model_keeps_its_taste_factors_and_baseline() throws Exception {
        DropoffTask.Result r = DropoffTask.train(tiny, DropoffParams.defaults());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("dropoff-taste");
        try {
            DropoffModel loaded = DropoffModel.load(r.model().save(dir));
            assertThat(loaded.taste().q()).containsExactly(r.model().taste().q());
            assertThat(loaded.taste().y()).containsExactly(r.model().taste().y());
            assertThat(loaded.taste().bias()).containsExactly(r.model().taste().bias());
            assertThat(loaded.taste().gram()).containsExactly(r.model().taste().gram());
            assertThat(loaded.baseline().beta()).containsExactly(r.model().baseline().beta());
            assertThat(loaded.taste().choice().v()).containsExactly(r.model().taste().choice().v());
            assertThat(loaded.taste().choice().mean()).containsExactly(r.model().taste().choice().mean());
            assertThat(loaded.taste().choice().gram()).containsExactly(r.model().taste().choice().gram());
            assertThat(loaded.taste().choice().lambda()).isEqualTo(r.model().taste().choice().lambda());
        } finally {
            try (var s = java.nio.file.Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
