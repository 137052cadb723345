package io.marquee.recommend.als;

/**
 * Dense solvers for the small symmetric positive-definite systems of alternating least squares
 * (one per user or item, dimension = rank, or rank + 1 with a bias): an in-place Cholesky
 * solve and a conjugate-gradient solve, both on row-major {@code double[]} buffers.
 *
 * <p>Written by hand rather than through EJML because they run once per user and item per
 * iteration (millions of times on large data) on per-thread scratch buffers: working in place on
 * the lower triangle the caller accumulated means no allocation, no copy into a matrix object and
 * half the work of forming a full Gram matrix. They are about thirty lines each and a test
 * compares them with EJML's Cholesky solver. Larger or one-off systems (EASE's item × item
 * inverse) use EJML.
 *
 * <p>Stateless and thread-safe; every method works only on the arrays it is given.
 */
public final class SmallSolvers {
    private SmallSolvers() {
    }

    /**
     * Solves {@code A x = b} for symmetric positive-definite {@code A} by Cholesky
     * decomposition, in place: only the lower triangle of {@code a} (row-major {@code n × n}) is
     * read, and it is overwritten with the factor L; {@code b} is overwritten with {@code x}.
     *
     * @return false when {@code A} is not (numerically) positive definite; {@code a} and
     *         {@code b} then hold partial results
     */
    public static boolean choleskySolve(double[] a, int n, double[] b) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j] - dot(a, rj, a, rj, j);
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) * inv;
            }
        }
        // L y = b
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            b[i] = (b[i] - dot(a, ri, b, 0, i)) / a[ri + i];
        }
        // Lᵀ x = y
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int p = i + 1; p < n; p++) {
                s -= a[p * n + i] * b[p];
            }
            b[i] = s / a[i * n + i];
        }
        return true;
    }

    /**
     * Σ_{p &lt; len} x[xo + p]·y[yo + p] with four partial sums, so that consecutive additions do
     * not wait on each other (the JIT keeps a reduction in order and does not vectorise it).
     */
    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            s0 += x[xo + p] * y[yo + p];
            s1 += x[xo + p + 1] * y[yo + p + 1];
            s2 += x[xo + p + 2] * y[yo + p + 2];
            s3 += x[xo + p + 3] * y[yo + p + 3];
        }
        for (; p < len; p++) {
            s0 += x[xo + p] * y[yo + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * At most {@code steps} conjugate-gradient steps on {@code A x = b} (full symmetric
     * row-major {@code a}), starting from the {@code x} given (warm start) and updating it in
     * place. Stops early when the squared residual norm falls below {@code 1e-20 · ‖b‖²}.
     *
     * @param scratch at least {@code 3 n} doubles
     * @return the number of steps taken
     */
    public static int conjugateGradient(double[] a, int n, double[] b, double[] x, int steps, double[] scratch) {
        int r = 0;
        int p = n;
        int ap = 2 * n;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            bb += b[i] * b[i];
        }
        double rs = 0;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int ri = i * n;
            for (int j = 0; j < n; j++) {
                s -= a[ri + j] * x[j];
            }
            scratch[r + i] = s;
            scratch[p + i] = s;
            rs += s * s;
        }
        double tol = 1e-20 * bb;
        int taken = 0;
        while (taken < steps && rs > tol) {
            double pAp = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int ri = i * n;
                for (int j = 0; j < n; j++) {
                    s += a[ri + j] * scratch[p + j];
                }
                scratch[ap + i] = s;
                pAp += scratch[p + i] * s;
            }
            if (!(pAp > 0)) {
                break;
            }
            double alpha = rs / pAp;
            double rsNew = 0;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * scratch[p + i];
                double ri = scratch[r + i] - alpha * scratch[ap + i];
                scratch[r + i] = ri;
                rsNew += ri * ri;
            }
            double beta = rsNew / rs;
            for (int i = 0; i < n; i++) {
                scratch[p + i] = scratch[r + i] + beta * scratch[p + i];
            }
            rs = rsNew;
            taken++;
        }
        return taken;
    }
}
