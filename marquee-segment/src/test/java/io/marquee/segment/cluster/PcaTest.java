package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pca_finds_the_direction_of_a_line_and_all_its_variance() {
        Points p = Points.ofRows(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        Pca pca = Pca.fit(p, 2);
        double r = Math.sqrt(0.5);
        assertThat(pca.component(0)).containsExactly(new double[] {r, r}, within(1e-12));
        assertThat(pca.explainedVarianceRatio()[0]).isCloseTo(1.0, within(1e-12));
        // variance along the line: coordinates ±1.5√2, ±0.5√2 → (4.5+0.5+0.5+4.5)/3 = 10/3
        assertThat(pca.variance()[0]).isCloseTo(10.0 / 3, within(1e-12));
        Points t = pca.transform(p);
        assertThat(t.get(0, 0)).isCloseTo(-1.5 * Math.sqrt(2), within(1e-12));
        assertThat(t.get(0, 1)).isCloseTo(0, within(1e-12));
    }

    @Test
    void pca_rejects_bad_component_counts() {
        Points p = Points.ofRows(new double[][] {{0, 0}, {1, 1}});
        assertThatThrownBy(() -> Pca.fit(p, 3)).hasMessageContaining("components");
    }
}
