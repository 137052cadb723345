package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gaussian mixture model fitted by expectation–maximisation (Dempster, Laird and Rubin 1977), with
 * diagonal or full covariances; the number of components is chosen outside, by BIC
 * ({@link GmmModel#bic()}).
 *
 * <p>Written by hand: no Apache-licensed Java library offers Gaussian mixtures (Tribuo has none;
 * Smile ≥ 3 is GPL-3 and ELKI AGPL). Linear algebra (Cholesky, symmetric eigen) is EJML's.
 *
 * <p>Start: k-means++ and 10 Lloyd iterations give hard labels, from which one M-step gives the
 * first parameters. Then E-step (responsibilities, log-likelihood by log-sum-exp) and M-step
 * (weights, means, covariances) alternate until the mean log-likelihood per point rises by less
 * than the tolerance. Variances (diagonal) or eigenvalues (full) are held at or above
 * {@link GmmParams#varianceFloor()}; clamping them is the exact maximiser of the likelihood under
 * that constraint, so every EM step keeps the log-likelihood from decreasing (a test checks it).
 * A component that loses all its points keeps its mean and covariance with weight 0.
 */
public final class GaussianMixture {
    /**
     * Rows per parallel chunk of the E- and M-steps: small enough that a few thousand viewers
     * still keep two cores busy, fixed so the per-chunk sums (combined in chunk order) and hence
     * every result do not depend on the number of threads.
     */
    static final int CHUNK = 1024;

    private GaussianMixture() {
    }

    /** Fits the mixture. */
    public static GmmModel fit(Points points, GmmParams params) {
        long start = System.nanoTime();
        points.requireFinite();
        int n = points.n();
        int d = points.d();
        int k = params.components();
        if (n < k) {
            throw new InvalidInputException("a Gaussian mixture of " + k + " components needs at least " + k
                    + " points, was " + n);
        }
        boolean full = params.covariance() == GmmParams.Covariance.FULL;
        KMeansModel init = KMeans.fit(points, new KMeansParams(k, 10, 1, 0, params.seed()));
        double[] resp = new double[n * k];
        int[] initLabels = init.labels();
        for (int i = 0; i < n; i++) {
            resp[i * k + initLabels[i]] = 1;
        }
        double[] weights = new double[k];
        double[] means = new double[k * d];
        double[] cov = new double[full ? k * d * d : k * d];
        // components with no start points get the data's overall spread around their k-means centre
        System.arraycopy(init.centroids(), 0, means, 0, k * d);
        initialCovariance(points, cov, k, full, params.varianceFloor());
        mStep(points, resp, k, full, params.varianceFloor(), weights, means, cov);

        DoubleArrayList trace = new DoubleArrayList();
        int[] labels = new int[n];
        double ll = Double.NEGATIVE_INFINITY;
        int iter = 0;
        boolean converged = false;
        while (true) {
            double next = eStep(points, new GaussianDensities(weights, means, cov, k, d, full), resp, labels);
            trace.add(next);
            if (iter > 0 && (next - ll) / n < params.tolerance()) {
                converged = true;
                ll = next;
                break;
            }
            ll = next;
            if (iter >= params.maxIterations()) {
                break;
            }
            mStep(points, resp, k, full, params.varianceFloor(), weights, means, cov);
            iter++;
        }
        double bic = -2 * ll + GmmModel.freeParameters(k, d, full) * Math.log(n);
        return new GmmModel(weights, means, cov, k, d, full, labels, ll, bic, iter, converged,
                ModelProvenance.of("gmm", params, points.fingerprint()),
                new TrainingSummary(trace.toDoubleArray(), (System.nanoTime() - start) / 1e9));
    }

    private static void initialCovariance(Points points, double[] cov, int k, boolean full, double floor) {
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        double[] mean = new double[d];
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = x[i * d + j] - mean[j];
                var[j] += t * t;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double v = Math.max(floor, var[j] / n);
                if (full) {
                    cov[c * d * d + j * d + j] = v;
                } else {
                    cov[c * d + j] = v;
                }
            }
        }
    }

    /** Responsibilities into {@code resp}, most probable component into {@code labels}; returns the log-likelihood. */
    static double eStep(Points points, GaussianDensities dens, double[] resp, int[] labels) {
        int n = points.n();
        int k = dens.k;
        double[] x = points.data();
        double[] part = new double[chunks(n)];
        Chunks.forEach(n, CHUNK, (c, from, to) -> {
            GaussianDensities.Scratch scratch = dens.scratch();
            double s = 0;
            for (int b = from; b < to; b += GaussianDensities.BLOCK) {
                int m = Math.min(GaussianDensities.BLOCK, to - b);
                dens.logJoints(x, b, m, resp, scratch);
                for (int i = b; i < b + m; i++) {
                    double lse = dens.logSumExp(resp, i * k);
                    s += lse;
                    int best = 0;
                    for (int j = 0; j < k; j++) {
                        double r = Math.exp(resp[i * k + j] - lse);
                        resp[i * k + j] = r;
                        if (r > resp[i * k + best]) {
                            best = j;
                        }
                    }
                    labels[i] = best;
                }
            }
            part[c] = s;
        });
        double ll = 0;
        for (double p : part) {
            ll += p;
        }
        return ll;
    }

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /** Weights, means and covariances from responsibilities (two passes: means, then scatter). */
    static void mStep(Points points, double[] resp, int k, boolean full, double floor, double[] weights,
                      double[] means, double[] cov) {
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        int chunks = chunks(n);
        double[][] nk = new double[chunks][k];
        double[][] sx = new double[chunks][k * d];
        Chunks.forEach(n, CHUNK, (c, from, to) -> {
            double[] a = nk[c];
            double[] s = sx[c];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < k; j++) {
                    double r = resp[i * k + j];
                    if (r == 0) {
                        continue;
                    }
                    a[j] += r;
                    int mo = j * d;
                    int xo = i * d;
                    for (int t = 0; t < d; t++) {
                        s[mo + t] += r * x[xo + t];
                    }
                }
            }
        });
        double[] nTot = new double[k];
        double[] sTot = new double[k * d];
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < k; j++) {
                nTot[j] += nk[c][j];
            }
            for (int t = 0; t < k * d; t++) {
                sTot[t] += sx[c][t];
            }
        }
        boolean[] alive = new boolean[k];
        for (int j = 0; j < k; j++) {
            weights[j] = nTot[j] / n;
            alive[j] = nTot[j] > 1e-10;
            if (alive[j]) {
                for (int t = 0; t < d; t++) {
                    means[j * d + t] = sTot[j * d + t] / nTot[j];
                }
            }
        }
        int cs = full ? d * d : d;
        double[][] sc = new double[chunks][k * cs];
        // scatter: per chunk and component, points with a non-zero responsibility taken four at a
        // time (a short group is padded with zero weight and zero difference, which adds exact
        // zeros), so each entry of the component's matrix is loaded and stored once per four points
        Chunks.forEach(n, CHUNK, (c, from, to) -> {
            double[] s = sc[c];
            double[] diff = new double[4 * d];
            double[] w = new double[4];
            for (int j = 0; j < k; j++) {
                if (!alive[j]) {
                    continue;
                }
                int mo = j * d;
                int so = j * cs;
                int filled = 0;
                for (int i = from; i <= to; i++) {
                    if (i < to) {
                        double r = resp[i * k + j];
                        if (r == 0) {
                            continue;
                        }
                        int xo = i * d;
                        int o = filled * d;
                        for (int t = 0; t < d; t++) {
                            diff[o + t] = x[xo + t] - means[mo + t];
                        }
                        w[filled++] = r;
                        if (filled < 4) {
                            continue;
                        }
                    } else if (filled == 0) {
                        break;
                    } else {
                        for (int f = filled; f < 4; f++) {
                            w[f] = 0;
                            java.util.Arrays.fill(diff, f * d, (f + 1) * d, 0);
                        }
                    }
                    scatter(s, so, diff, w, d, full);
                    filled = 0;
                }
            }
        });
        double[] scTot = new double[k * cs];
        for (int c = 0; c < chunks; c++) {
            for (int t = 0; t < scTot.length; t++) {
                scTot[t] += sc[c][t];
            }
        }
        for (int j = 0; j < k; j++) {
            if (!alive[j]) {
                continue;
            }
            int so = j * cs;
            if (full) {
                double[] m = new double[d * d];
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        double v = scTot[so + a * d + b] / nTot[j];
                        m[a * d + b] = v;
                        m[b * d + a] = v;
                    }
                }
                clampEigenvalues(m, d, floor);
                System.arraycopy(m, 0, cov, so, d * d);
            } else {
                for (int t = 0; t < d; t++) {
                    cov[so + t] = Math.max(floor, scTot[so + t] / nTot[j]);
                }
            }
        }
    }

    /**
     * Adds Σ_f w_f · diff_f diff_fᵀ of four points (lower triangle when full, the diagonal
     * otherwise) to the matrix at {@code s[so..]}.
     */
    private static void scatter(double[] s, int so, double[] diff, double[] w, int d, boolean full) {
        int d1 = d;
        int d2 = 2 * d;
        int d3 = 3 * d;
        if (full) {
            for (int a = 0; a < d; a++) {
                double r0 = w[0] * diff[a];
                double r1 = w[1] * diff[d1 + a];
                double r2 = w[2] * diff[d2 + a];
                double r3 = w[3] * diff[d3 + a];
                int row = so + a * d;
                for (int b = 0; b <= a; b++) {
                    s[row + b] += (r0 * diff[b] + r1 * diff[d1 + b]) + (r2 * diff[d2 + b] + r3 * diff[d3 + b]);
                }
            }
        } else {
            for (int t = 0; t < d; t++) {
                double a0 = diff[t];
                double a1 = diff[d1 + t];
                double a2 = diff[d2 + t];
                double a3 = diff[d3 + t];
                s[so + t] += (w[0] * a0 * a0 + w[1] * a1 * a1) + (w[2] * a2 * a2 + w[3] * a3 * a3);
            }
        }
    }

    /** Replaces the symmetric matrix {@code m} by V·max(Λ, floor)·Vᵀ (in place). */
    static void clampEigenvalues(double[] m, int d, double floor) {
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        System.arraycopy(m, 0, a.data, 0, d * d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigen decomposition of a covariance matrix failed");
        }
        double minEig = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            minEig = Math.min(minEig, eig.getEigenvalue(i).getReal());
        }
        if (minEig >= floor * 1.0000001) {
            return; // already within the constraint
        }
        Arrays.fill(m, 0);
        for (int i = 0; i < d; i++) {
            double lambda = Math.max(floor, eig.getEigenvalue(i).getReal());
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int p = 0; p < d; p++) {
                double vp = v.get(p, 0) * lambda;
                for (int q = 0; q < d; q++) {
                    m[p * d + q] += vp * v.get(q, 0);
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < p; q++) {
                double s = 0.5 * (m[p * d + q] + m[q * d + p]);
                m[p * d + q] = s;
                m[q * d + p] = s;
            }
        }
    }
}
