package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis by the symmetric eigen decomposition (EJML) of the covariance
 * matrix of the centred points. Components are ordered by decreasing variance; each component's
 * sign is fixed so that its largest-magnitude loading is positive, which makes the result
 * deterministic. Immutable.
 */
public final class Pca {
    private final double[] mean;
    private final double[] components;
    private final double[] variance;
    private final double totalVariance;
    private final int d;
    private final int m;

    private Pca(double[] mean, double[] components, double[] variance, double totalVariance, int d, int m) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.totalVariance = totalVariance;
        this.d = d;
        this.m = m;
    }

    /** The first {@code count} principal components of the points. */
    public static Pca fit(Points points, int count) {
        int n = points.n();
        int d = points.d();
        if (count < 1 || count > d) {
            throw InvalidInputException.of("components", count, "between 1 and " + d);
        }
        if (n < 2) {
            throw new InvalidInputException("PCA needs at least 2 points, was " + n);
        }
        double[] x = points.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        double[] c = cov.data;
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                diff[t] = x[i * d + t] - mean[t];
            }
            for (int a = 0; a < d; a++) {
                double da = diff[a];
                for (int b = 0; b <= a; b++) {
                    c[a * d + b] += da * diff[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double v = c[a * d + b] / (n - 1);
                c[a * d + b] = v;
                c[b * d + a] = v;
            }
        }
        double total = 0;
        for (int a = 0; a < d; a++) {
            total += c[a * d + a];
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(cov.copy())) {
            throw new IllegalStateException("eigen decomposition of the covariance matrix failed");
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        double[] comps = new double[count * d];
        double[] var = new double[count];
        for (int r = 0; r < count; r++) {
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            int arg = 0;
            for (int t = 1; t < d; t++) {
                if (Math.abs(v.get(t, 0)) > Math.abs(v.get(arg, 0))) {
                    arg = t;
                }
            }
            double sign = v.get(arg, 0) < 0 ? -1 : 1;
            for (int t = 0; t < d; t++) {
                comps[r * d + t] = sign * v.get(t, 0);
            }
            var[r] = Math.max(0, values[order[r]]);
        }
        return new Pca(mean, comps, var, total, d, count);
    }

    /** Number of components kept. */
    public int components() {
        return m;
    }

    /** Loadings of component {@code r} (a unit vector of dimension d). */
    public double[] component(int r) {
        return Arrays.copyOfRange(components, r * d, (r + 1) * d);
    }

    /** Variance along each kept component. */
    public double[] variance() {
        return variance.clone();
    }

    /** Share of the total variance explained by each kept component. */
    public double[] explainedVarianceRatio() {
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = totalVariance == 0 ? 0 : variance[i] / totalVariance;
        }
        return r;
    }

    /** Coordinates of every point on the kept components, row-major {@code n × components}. */
    public Points transform(Points points) {
        if (points.d() != d) {
            throw new InvalidInputException("PCA: points have dimension " + points.d() + ", expected " + d);
        }
        int n = points.n();
        double[] x = points.data();
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += (x[i * d + t] - mean[t]) * components[r * d + t];
                }
                out[i * m + r] = s;
            }
        }
        return new Points(out, n, m);
    }
}
