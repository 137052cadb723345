package io.marquee.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SmallSolversTest {
    /** A random n×n SPD matrix MᵀM + n·I, row-major. */
    static double[] randomSpd(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] m = new double[n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = rnd.nextDouble() * 2 - 1;
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += m[p * n + i] * m[p * n + j];
                }
                a[i * n + j] = s + (i == j ? n : 0);
            }
        }
        return a;
    }

    @Test
    void cholesky_solve_matches_ejml_on_a_random_spd_system() {
        int n = 17;
        double[] a = randomSpd(n, 3);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i - 5.5;
        }
        DMatrixRMaj expected = new DMatrixRMaj(n, 1);
        assertThat(CommonOps_DDRM.solveSPD(new DMatrixRMaj(n, n, true, a), new DMatrixRMaj(n, 1, true, b), expected))
                .isTrue();
        double[] x = b.clone();
        assertThat(SmallSolvers.choleskySolve(a.clone(), n, x)).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(expected.get(i, 0), within(1e-10));
        }
    }

    @Test
    void cholesky_solve_reads_only_the_lower_triangle() {
        double[] a = {4, 999, 2, 3};
        double[] b = {10, 8};
        assertThat(SmallSolvers.choleskySolve(a, 2, b)).isTrue();
        // [[4,2],[2,3]] x = [10,8] → x = [1.75, 1.5]
        assertThat(b[0]).isCloseTo(1.75, within(1e-12));
        assertThat(b[1]).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void cholesky_solve_reports_a_matrix_that_is_not_positive_definite() {
        double[] a = {1, 2, 2, 1};
        assertThat(SmallSolvers.choleskySolve(a, 2, new double[] {1, 1})).isFalse();
    }

    @Test
    void conjugate_gradient_solves_a_hand_checked_two_by_two_system_in_two_steps() {
        // [[4,1],[1,3]] x = [1,2]  ⇒  x = [1/11, 7/11]
        double[] a = {4, 1, 1, 3};
        double[] x = new double[2];
        int steps = SmallSolvers.conjugateGradient(a, 2, new double[] {1, 2}, x, 10, new double[6]);
        assertThat(steps).isEqualTo(2);
        assertThat(x[0]).isCloseTo(1.0 / 11, within(1e-12));
        assertThat(x[1]).isCloseTo(7.0 / 11, within(1e-12));
    }

    @Test
    void conjugate_gradient_with_n_steps_matches_the_direct_solve() {
        int n = 12;
        double[] a = randomSpd(n, 9);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sin(i);
        }
        double[] direct = b.clone();
        SmallSolvers.choleskySolve(a.clone(), n, direct);
        double[] x = new double[n];
        x[0] = 5; // a warm start far from the answer
        SmallSolvers.conjugateGradient(a, n, b, x, 3 * n, new double[3 * n]);
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(direct[i], within(1e-9));
        }
    }
}
