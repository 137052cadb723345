package io.marquee.recommend.online;

/**
 * In-place Cholesky factorisation A = UᵀU and solve of a small symmetric positive-definite system
 * held in a row-major {@code double[k·k]} of which only the upper triangle is read. Written out
 * rather than taken from EJML because fold-in must not allocate (EJML's solvers wrap their own
 * matrices) and at k = 100 the whole solve is about 170 thousand multiply-adds. The row-oriented
 * form makes every inner loop an axpy over contiguous memory, which HotSpot compiles to SIMD.
 */
final class DenseCholesky {
    private DenseCholesky() {
    }

    /**
     * Factorises A = UᵀU in place (U in the upper triangle) and overwrites {@code b} with the
     * solution of A x = b. A pivot that is not comfortably positive (a singular system: λ = 0 and
     * fewer ratings than factors) is replaced by a tiny jitter relative to the diagonal, which
     * regularises the solution instead of failing.
     */
    static void solveInPlace(double[] a, int k, double[] b) {
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += a[i * k + i];
        }
        double jitter = 1e-10 * Math.max(1.0, trace / Math.max(1, k));
        for (int j = 0; j < k; j++) {
            int rj = j * k;
            double d = a[rj + j];
            if (!(d > jitter)) {
                d = jitter;
            }
            double ujj = Math.sqrt(d);
            a[rj + j] = ujj;
            double inv = 1.0 / ujj;
            for (int p = j + 1; p < k; p++) {
                a[rj + p] *= inv;
            }
            // trailing update: row i of the remaining upper triangle -= U[j][i] · U[j][i..]
            for (int i = j + 1; i < k; i++) {
                double uji = a[rj + i];
                if (uji == 0) {
                    continue;
                }
                int ri = i * k;
                for (int p = i; p < k; p++) {
                    a[ri + p] -= uji * a[rj + p];
                }
            }
        }
        // Uᵀ y = b, column by column
        for (int p = 0; p < k; p++) {
            int rp = p * k;
            double yp = b[p] / a[rp + p];
            b[p] = yp;
            for (int i = p + 1; i < k; i++) {
                b[i] -= yp * a[rp + i];
            }
        }
        // U x = y
        for (int i = k - 1; i >= 0; i--) {
            int ri = i * k;
            double s = b[i];
            for (int p = i + 1; p < k; p++) {
                s -= a[ri + p] * b[p];
            }
            b[i] = s / a[ri + i];
        }
    }
}
