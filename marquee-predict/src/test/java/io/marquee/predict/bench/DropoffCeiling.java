package io.marquee.predict.bench;

import io.marquee.core.data.Dataset;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.HiddenTraits;
import io.marquee.predict.classify.LogRegParams;
import io.marquee.predict.classify.LogisticModel;
import io.marquee.predict.classify.LogisticRegression;
import io.marquee.predict.dropoff.DropoffExamples;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffTask;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.metrics.Metrics;
import io.marquee.predict.table.Table;
import io.marquee.predict.tabular.TabularModel;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * How much of the drop-off oracle is reachable (measurement, not a test): the generator's logit
 * is split into the part observable per event and four hidden terms (patience, long-film taste,
 * taste match, film quality), recovered by re-running the generator ({@link HiddenTraits}). Prints
 * for the test events: each hidden term's spread, the oracle AUC without it, the model's AUC when
 * the true term is added to its score, and how much of each term the features capture (R² of a
 * least-squares fit on the pipeline features).
 */
final class DropoffCeiling {
    private DropoffCeiling() {
    }

    static void run(int users, int movies) throws Exception {
        Dataset ds = PredictBench.generate(users, movies);
        DropoffParams params = DropoffParams.defaults();
        DropoffTask.Result r = DropoffTask.train(ds, params);
        DropoffExamples ex = DropoffExamples.build(ds, params);
        long maxId = 0;
        for (int k = 0; k < ds.watches().size(); k++) {
            maxId = Math.max(maxId, ds.watches().eventId(k));
        }
        HiddenTraits h = HiddenTraits.of(GeneratorParams.defaults().withUsers(users).withMovies(movies), (int) maxId);
        TabularModel tm = r.model().tabular();
        int[] valid = ex.rows(DropoffExamples.VALID);
        int[] test = ex.rows(DropoffExamples.TEST);
        Table all = ex.table();
        double[] sv = logit(tm.predictProba(all.select(valid)));
        double[] st = logit(tm.predictProba(all.select(test)));
        boolean[] yv = pick(ex.labels(), valid);
        boolean[] yt = pick(ex.labels(), test);
        double[] tt = new double[test.length];
        for (int k = 0; k < test.length; k++) {
            tt[k] = logit1(ex.truth()[test[k]]);
        }
        String[] names = {"patience", "long_film", "match", "quality"};
        double[][] terms = {h.patience, h.longFilm, h.match, h.quality};
        double[][] tv = new double[4][];
        double[][] tt4 = new double[4][];
        for (int c = 0; c < 4; c++) {
            tv[c] = new double[valid.length];
            tt4[c] = new double[test.length];
            for (int k = 0; k < valid.length; k++) {
                tv[c][k] = terms[c][(int) ds.watches().eventId(ex.events()[valid[k]])];
            }
            for (int k = 0; k < test.length; k++) {
                tt4[c][k] = terms[c][(int) ds.watches().eventId(ex.events()[test[k]])];
            }
        }
        double oracle = auc(tt, yt);
        double model = auc(st, yt);
        System.out.printf(Locale.ROOT, "CEILING test events %d: model %.4f, oracle %.4f, ratio %.4f; sd(true logit) %.3f,"
                + " corr(model logit, true logit) %.3f%n", test.length, model, oracle, model / oracle, sd(tt),
                corr(st, tt));
        FloatMatrix xt = tm.pipeline().transform(all.select(test));
        System.out.printf(Locale.ROOT, "CEILING R² of the true logit from the %d features (least squares on the test "
                + "events): %.3f%n", xt.cols(), r2(xt, tt));
        double[] observable = tt.clone();
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < test.length; k++) {
                observable[k] -= tt4[c][k];
            }
        }
        System.out.printf(Locale.ROOT, "CEILING observable part only: AUC %.4f (ratio %.4f), sd %.3f, R² from features %.3f%n",
                auc(observable, yt), auc(observable, yt) / oracle, sd(observable),
                r2(xt, observable));
        System.out.println("CEILING term | sd on test | oracle AUC without it (ratio) | R² from features | corr(model"
                + " logit, term) | model + true term: AUC (ratio)");
        for (int c = 0; c < 4; c++) {
            double[] without = new double[test.length];
            for (int k = 0; k < test.length; k++) {
                without[k] = tt[k] - tt4[c][k];
            }
            double a = auc(without, yt);
            double plus = auc(refit(new double[][] {sv, tv[c]}, yv, new double[][] {st, tt4[c]}), yt);
            System.out.printf(Locale.ROOT, "  %s | %.3f | %.4f (%.4f) | %.3f | %.3f | %.4f (%.4f)%n", names[c],
                    sd(tt4[c]), a, a / oracle, r2(xt, tt4[c]), corr(st, tt4[c]), plus, plus / oracle);
        }
        double plusAll = auc(refit(new double[][] {sv, tv[0], tv[1], tv[2], tv[3]}, yv,
                new double[][] {st, tt4[0], tt4[1], tt4[2], tt4[3]}), yt);
        System.out.printf(Locale.ROOT, "CEILING model + all four true terms: AUC %.4f (ratio %.4f)%n", plusAll,
                plusAll / oracle);
        double plusThree = auc(refit(new double[][] {sv, tv[1], tv[2], tv[3]}, yv,
                new double[][] {st, tt4[1], tt4[2], tt4[3]}), yt);
        System.out.printf(Locale.ROOT, "CEILING model + true long_film, match and quality (patience left to the "
                + "features): AUC %.4f (ratio %.4f)%n", plusThree, plusThree / oracle);
        bayesPatience(ds, ex, h, test, yt, oracle, all);
        List<String> cols = xt.names();
        for (String f : new String[] {"m_pick", "m_choice", "m_match", "h_resid", "h_resid_runtime", "h_resid_effect"}) {
            int j = cols.indexOf(f);
            if (j < 0) {
                continue;
            }
            double[] v = new double[test.length];
            for (int k = 0; k < test.length; k++) {
                v[k] = xt.get(k, j);
            }
            System.out.printf(Locale.ROOT, "CEILING corr(%s, ·): patience %.3f, long_film %.3f, match %.3f, quality %.3f,"
                    + " true logit %.3f%n", f, corr(v, tt4[0]), corr(v, tt4[1]), corr(v, tt4[2]), corr(v, tt4[3]),
                    corr(v, tt));
        }
    }

    /**
     * An upper bound of what can be learnt about patience: everything but the viewer's patience is
     * taken as known (the true logit minus the patience term), and patience is the posterior mean
     * over a grid given the prior (the generator's: 0.95·N(0, 1) + 0.25·clamp((age − 40)/20, −1,
     * 1.5)), the survey's finishes_films and subtitles_ok answers (σ(0.4 + 1.3·patience),
     * σ(0.3 + 0.6·patience)) and the outcomes of the viewer's earlier clean events. Prints the test
     * AUC of the posterior predictive probability, overall and by prior views.
     */
    private static void bayesPatience(Dataset ds, DropoffExamples ex, HiddenTraits h, int[] test, boolean[] yt,
                                      double oracle, Table all) {
        int g = 81;
        double[] grid = new double[g];
        for (int k = 0; k < g; k++) {
            grid[k] = -4 + 8.0 * k / (g - 1);
        }
        int users = ds.viewers().size();
        double[][] ll = new double[users][];
        double[] fin = all.numeric("s_finishes_films");
        double[] sub = all.numeric("s_subtitles_ok");
        double[] age = all.numeric("age");
        double[] views = all.numeric("h_views");
        int n = ex.size();
        double[] pred = new double[test.length];
        int t = 0;
        int[] ev = ex.events();
        boolean[] y = ex.labels();
        double[] post = new double[g];
        for (int j = 0; j < n; j++) {
            int k = ev[j];
            int u = ds.watches().user(k);
            if (ll[u] == null) {
                ll[u] = new double[g];
                double mu = Double.isNaN(age[j]) ? 0.0 : 0.25 * Math.max(-1, Math.min(1.5, (age[j] - 40) / 20.0));
                double sd = Double.isNaN(age[j]) ? 0.97 : 0.95;
                for (int q = 0; q < g; q++) {
                    double z = (grid[q] - mu) / sd;
                    double l = -0.5 * z * z;
                    if (!Double.isNaN(fin[j])) {
                        l += logSig((fin[j] > 0.5 ? 1 : -1) * (0.4 + 1.3 * grid[q]));
                    }
                    if (!Double.isNaN(sub[j])) {
                        l += logSig((sub[j] > 0.5 ? 1 : -1) * (0.3 + 0.6 * grid[q]));
                    }
                    ll[u][q] = l;
                }
            }
            long id = ds.watches().eventId(k);
            double offset = logit1(ex.truth()[j]) - h.patience[(int) id];
            if (t < test.length && test[t] == j) {
                double max = Double.NEGATIVE_INFINITY;
                for (int q = 0; q < g; q++) {
                    max = Math.max(max, ll[u][q]);
                }
                double z = 0;
                double p = 0;
                for (int q = 0; q < g; q++) {
                    post[q] = Math.exp(ll[u][q] - max);
                    z += post[q];
                    p += post[q] / (1 + Math.exp(-(offset - GenerativeModelBeta.PATIENCE * grid[q])));
                }
                pred[t++] = p / z;
            }
            for (int q = 0; q < g; q++) {
                double s = offset - GenerativeModelBeta.PATIENCE * grid[q];
                ll[u][q] += logSig(y[j] ? s : -s);
            }
        }
        double a = Metrics.rocAuc(pred, yt);
        System.out.printf(Locale.ROOT, "CEILING Bayes bound (all but patience known; patience from prior, survey and "
                + "earlier outcomes): AUC %.4f, ratio %.4f%n", a, a / oracle);
        double[] vt = new double[test.length];
        double[] tr = new double[test.length];
        for (int q = 0; q < test.length; q++) {
            vt[q] = views[test[q]];
            tr[q] = ex.truth()[test[q]];
        }
        for (int[] bk : new int[][] {{0, 0}, {1, 5}, {6, 15}, {16, 40}, {41, Integer.MAX_VALUE}}) {
            int c = 0;
            for (double v : vt) {
                c += v >= bk[0] && v <= bk[1] ? 1 : 0;
            }
            double[] pp = new double[c];
            double[] oo = new double[c];
            boolean[] yy = new boolean[c];
            c = 0;
            for (int q = 0; q < test.length; q++) {
                if (vt[q] >= bk[0] && vt[q] <= bk[1]) {
                    pp[c] = pred[q];
                    oo[c] = tr[q];
                    yy[c++] = yt[q];
                }
            }
            double b = Metrics.rocAuc(pp, yy);
            double o = Metrics.rocAuc(oo, yy);
            System.out.printf(Locale.ROOT, "  bound by prior views %s | %d | %.4f | oracle %.4f | ratio %.4f%n",
                    bk[1] == Integer.MAX_VALUE ? bk[0] + "+" : bk[0] + "–" + bk[1], c, b, o, b / o);
        }
    }

    private static final class GenerativeModelBeta {
        static final double PATIENCE = io.marquee.core.synth.GenerativeModel.BETA_PATIENCE;
    }

    private static double logSig(double s) {
        return s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
    }

    /** Logistic regression of y on the given columns (validation rows), scores of the test columns. */
    private static double[] refit(double[][] fitCols, boolean[] y, double[][] testCols) {
        int n = fitCols[0].length;
        int d = fitCols.length;
        float[] x = new float[n * d];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < d; c++) {
                x[k * d + c] = (float) fitCols[c][k];
            }
        }
        List<String> nm = new java.util.ArrayList<>();
        for (int c = 0; c < d; c++) {
            nm.add("c" + c);
        }
        LogisticModel m = new LogisticRegression(new LogRegParams(1e-6, 50, 1e-10, 1)).fit(new FloatMatrix(n, d, x, nm),
                y, null);
        double[] beta = m.coefficients();
        int nt = testCols[0].length;
        double[] s = new double[nt];
        for (int k = 0; k < nt; k++) {
            double v = beta[0];
            for (int c = 0; c < d; c++) {
                v += beta[c + 1] * testCols[c][k];
            }
            s[k] = v;
        }
        return s;
    }

    /** R² of an ordinary least-squares fit of {@code t} on the columns of {@code x} plus an intercept. */
    static double r2(FloatMatrix x, double[] t) {
        int n = x.rows();
        int d = x.cols() + 1;
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        double[] row = new double[d];
        for (int k = 0; k < n; k++) {
            row[0] = 1;
            for (int c = 1; c < d; c++) {
                row[c] = x.get(k, c - 1);
            }
            for (int i = 0; i < d; i++) {
                b.data[i] += row[i] * t[k];
                for (int j = 0; j < d; j++) {
                    a.data[i * d + j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            a.data[i * d + i] += 1e-6;
        }
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.symmPosDef(d);
        if (!s.setA(a)) {
            s = LinearSolverFactory_DDRM.leastSquares(d, d);
            s.setA(a);
        }
        DMatrixRMaj beta = new DMatrixRMaj(d, 1);
        s.solve(b, beta);
        double mean = 0;
        for (double v : t) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        double res = 0;
        for (int k = 0; k < n; k++) {
            double f = beta.data[0];
            for (int c = 1; c < d; c++) {
                f += beta.data[c] * x.get(k, c - 1);
            }
            res += (t[k] - f) * (t[k] - f);
            ss += (t[k] - mean) * (t[k] - mean);
        }
        return 1 - res / ss;
    }

    /** ROC-AUC of a score on any scale (through the logistic function, which keeps the order). */
    static double auc(double[] s, boolean[] y) {
        double[] p = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            p[k] = 1 / (1 + Math.exp(-s[k]));
        }
        return Metrics.rocAuc(p, y);
    }

    private static double[] logit(double[] p) {
        double[] s = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            s[k] = logit1(p[k]);
        }
        return s;
    }

    private static double logit1(double p) {
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return Math.log(q / (1 - q));
    }

    private static boolean[] pick(boolean[] y, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = y[rows[k]];
        }
        return out;
    }

    static double sd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    static double corr(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < a.length; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= a.length;
        mb /= a.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < a.length; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
