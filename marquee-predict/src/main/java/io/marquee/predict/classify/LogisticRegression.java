package io.marquee.predict.classify;

import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares): each step solves {@code (XᵀWX + λI) Δ = Xᵀ(w∘(y − p)) − λβ} with EJML's Cholesky
 * solver, the intercept unpenalised. Written here rather than taken from a library because it is
 * tiny, converges to the exact penalised optimum in a handful of steps (Tribuo's linear models are
 * stochastic-gradient approximations), and is deterministic: the Gram matrix is summed over fixed
 * row blocks in a fixed order, in parallel.
 */
public final class LogisticRegression implements ClassifierTrainer {
    private static final int BLOCK = 4096;
    private final LogRegParams params;

    public LogisticRegression(LogRegParams params) {
        this.params = params;
    }

    public LogRegParams params() {
        return params;
    }

    @Override
    public LogisticModel fit(FloatMatrix x, boolean[] y, float[] weights) {
        GbdtTrainer.TrainingChecks.check(x, y, weights);
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.cols() + 1; // coefficient 0 is the intercept
        double[] beta = new double[p];
        List<Double> losses = new ArrayList<>();
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        DMatrixRMaj g = new DMatrixRMaj(p, 1);
        DMatrixRMaj delta = new DMatrixRMaj(p, 1);
        int blocks = (n + BLOCK - 1) / BLOCK;
        for (int it = 0; it < params.maxIterations(); it++) {
            final double[] b = beta.clone();
            List<double[][]> parts = IntStream.range(0, blocks).parallel()
                    .mapToObj(k -> block(x, y, weights, b, k * BLOCK, Math.min(n, (k + 1) * BLOCK)))
                    .toList();
            double[] grad = new double[p];
            double[] gram = new double[p * p];
            double loss = 0;
            for (double[][] part : parts) { // fixed order: deterministic sums
                for (int j = 0; j < p; j++) {
                    grad[j] += part[0][j];
                }
                for (int j = 0; j < gram.length; j++) {
                    gram[j] += part[1][j];
                }
                loss += part[2][0];
            }
            double penalty = 0;
            for (int j = 1; j < p; j++) {
                penalty += beta[j] * beta[j];
                grad[j] -= params.l2() * beta[j];
            }
            losses.add(loss + 0.5 * params.l2() * penalty);
            for (int r = 0; r < p; r++) {
                for (int c = r; c < p; c++) {
                    double v = gram[r * p + c] + (r == c && r > 0 ? params.l2() : 0);
                    h.set(r, c, v);
                    h.set(c, r, v);
                }
                h.add(r, r, 1e-10); // keeps a column of zeros from making the matrix singular
                g.set(r, 0, grad[r]);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
            if (!solver.setA(h.copy())) {
                solver = LinearSolverFactory_DDRM.pseudoInverse(true);
                solver.setA(h.copy());
            }
            solver.solve(g, delta);
            double maxChange = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += delta.get(j, 0);
                maxChange = Math.max(maxChange, Math.abs(delta.get(j, 0)));
            }
            if (maxChange < params.tolerance()) {
                break;
            }
        }
        double[] loss = losses.stream().mapToDouble(Double::doubleValue).toArray();
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelProvenance prov = ModelProvenance.of(Algo.LOGREG.id(), params, Fingerprints.of(x, y, weights));
        return new LogisticModel(beta, params, prov, new TrainingSummary(loss, seconds));
    }

    /** Gradient, upper Gram matrix and loss over rows [from, to). */
    private static double[][] block(FloatMatrix x, boolean[] y, float[] weights, double[] beta, int from, int to) {
        int p = beta.length;
        int w = x.cols();
        float[] d = x.data();
        double[] grad = new double[p];
        double[] gram = new double[p * p];
        double[] row = new double[p];
        double loss = 0;
        row[0] = 1;
        for (int i = from; i < to; i++) {
            double eta = beta[0];
            for (int c = 0; c < w; c++) {
                row[c + 1] = d[i * w + c];
                eta += beta[c + 1] * row[c + 1];
            }
            double prob = LogisticModel.sigmoid(eta);
            double wt = weights == null ? 1 : weights[i];
            double yi = y[i] ? 1 : 0;
            // log(1 + e^eta) - y*eta, computed stably
            loss += wt * ((eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - yi * eta);
            double resid = wt * (yi - prob);
            double curv = wt * prob * (1 - prob);
            for (int r = 0; r < p; r++) {
                double xr = row[r];
                if (xr == 0) {
                    continue;
                }
                grad[r] += resid * xr;
                double cx = curv * xr;
                int base = r * p;
                for (int c = r; c < p; c++) {
                    gram[base + c] += cx * row[c];
                }
            }
        }
        return new double[][] {grad, gram, {loss}};
    }
}
