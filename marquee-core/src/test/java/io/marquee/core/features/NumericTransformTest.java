package io.marquee.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericTransformTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    /** Column 0 is the hand case; column 1 is constant; column 2 is never present. */
    private static NumericColumns hand() {
        return NumericColumns.of(new double[] {1, 2, 3, 4, NAN, 100}, new double[] {5, 5, 5, 5, 5, 5},
                new double[] {NAN, NAN, NAN, NAN, NAN, NAN});
    }

    private static NumericTransformParams q20() {
        return new NumericTransformParams(0.2, 0.8, true, Integer.MAX_VALUE, 1);
    }

    @Test
    void learnsTheMedianAndTheQuantilesOfAHandCase() {
        // present values 1 2 3 4 100: median 3; type-7 quantiles 0.2 → 1.8, 0.8 → 23.2 (as numpy.quantile)
        NumericTransform t = NumericTransform.fit(hand(), q20());
        assertThat(t.imputer().fill(0)).isEqualTo(3.0);
        assertThat(t.winsorizer().low(0)).isCloseTo(1.8, within(1e-12));
        assertThat(t.winsorizer().high(0)).isCloseTo(23.2, within(1e-12));
        // cleaned 1.8 2 3 4 3 23.2: mean 6.1667, population sd 7.651942382311971 (numpy)
        assertThat(t.scaler().mean(0)).isCloseTo(37.0 / 6, within(1e-12));
        assertThat(t.scaler().sd(0)).isCloseTo(7.651942382311971, within(1e-12));
        assertThat(t.apply(0, 100)).isCloseTo(2.226014321893894, within(1e-12));
        assertThat(t.apply(0, NAN)).isCloseTo((3 - 37.0 / 6) / 7.651942382311971, within(1e-12));
        assertThat(t.clean(0, -50)).isCloseTo(1.8, within(1e-12));
        assertThat(t.unscale(0, t.apply(0, 4))).isCloseTo(4, within(1e-12));
    }

    @Test
    void centresAConstantColumnAndZeroesAColumnThatWasNeverPresent() {
        NumericTransform t = NumericTransform.fit(hand(), q20());
        assertThat(t.scaler().sd(1)).isEqualTo(1.0);
        assertThat(t.apply(1, 7)).isEqualTo(0.0); // clipped to 5, centred
        assertThat(t.imputer().fill(2)).isEqualTo(0.0);
        assertThat(t.winsorizer().low(2)).isEqualTo(0.0);
        assertThat(t.winsorizer().high(2)).isEqualTo(0.0);
        assertThat(t.apply(2, 12)).isEqualTo(0.0);
    }

    @Test
    void quantilesZeroAndOneMeanNoClipping() {
        NumericTransform t = NumericTransform.fit(hand(), new NumericTransformParams(0, 1, false, Integer.MAX_VALUE, 1));
        assertThat(t.winsorizer().low(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(t.winsorizer().high(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.apply(0, 1e9)).isEqualTo(1e9); // not standardised either
    }

    @Test
    void theCombinedFitEqualsThePartsFittedAlone() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] data = new double[5000 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextDouble() < 0.1 ? NAN : rnd.nextGaussian() * (1 + i % 3);
        }
        NumericColumns x = NumericColumns.rowMajor(data, 5000, 3);
        NumericTransformParams p = new NumericTransformParams(0.05, 0.95, true, 700, 11);
        NumericTransform t = NumericTransform.fit(x, p);
        assertThat(t.imputer()).isEqualTo(Imputer.median(x, 700, 11));
        assertThat(t.winsorizer()).isEqualTo(Winsorizer.fit(x, 0.05, 0.95, 700, 11));
        assertThat(NumericTransform.fit(x, p)).isEqualTo(t);
        // a different sample seed gives different (sampled) quantiles
        assertThat(NumericTransform.fit(x, new NumericTransformParams(0.05, 0.95, true, 700, 12))).isNotEqualTo(t);
        // the row-major and per-column views are read alike
        double[][] cols = new double[3][5000];
        for (int r = 0; r < 5000; r++) {
            for (int c = 0; c < 3; c++) {
                cols[c][r] = data[r * 3 + c];
            }
        }
        assertThat(NumericTransform.fit(NumericColumns.of(cols), p)).isEqualTo(t);
        double[] z = t.applyRowMajor(data, 5000);
        assertThat(z[3 * 17 + 2]).isEqualTo(t.apply(2, data[3 * 17 + 2]));
        assertThat(t.apply(new double[] {data[0], data[1], data[2]})).containsExactly(z[0], z[1], z[2]);
    }

    @Test
    void theModeImputerPrefersTheSmallestOfTiedValues() {
        Imputer m = Imputer.mode(NumericColumns.of(new double[] {0, 1, 1, NAN}, new double[] {0, 1, NAN, NAN},
                new double[] {NAN, NAN, NAN, NAN}));
        assertThat(m.fill()).containsExactly(1, 0, 0);
        assertThat(m.apply(0, NAN)).isEqualTo(1.0);
        assertThat(m.apply(0, 0)).isEqualTo(0.0);
    }

    @Test
    void savesAndLoadsThroughAModelArchive() {
        NumericTransform t = NumericTransform.fit(hand(), new NumericTransformParams(0, 0.8, true, Integer.MAX_VALUE, 1));
        ModelProvenance prov = new ModelProvenance("test", Map.of(), 1, "fp", Instant.parse("2026-11-22T00:00:00Z"), "t");
        Path out = t.writeTo(ModelArchive.writer(prov, new TrainingSummary(new double[0], 0))).writeTo(dir.resolve("m"));
        NumericTransform back = NumericTransform.readFrom(ModelArchive.read(out), true);
        assertThat(back).isEqualTo(t);
        assertThat(back.winsorizer().low(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(back.apply(0, 100)).isEqualTo(t.apply(0, 100));
    }

    @Test
    void rejectsBadQuantilesNamingTheField() {
        assertThatThrownBy(() -> new NumericTransformParams(0.6, 0.99, true, 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lowerQuantile").hasMessageContaining("0.6");
        assertThatThrownBy(() -> new NumericTransformParams(0.01, 0.4, true, 10, 1))
                .hasMessageContaining("upperQuantile");
        assertThatThrownBy(() -> new NumericTransformParams(0.01, 0.99, true, 0, 1))
                .hasMessageContaining("quantileSample");
        assertThatThrownBy(() -> Winsorizer.of(new double[] {2}, new double[] {1})).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> StandardScaler.of(new double[] {0}, new double[] {0})).hasMessageContaining("positive sd");
    }

    @Test
    void refusesToFitToNoRows() {
        assertThatThrownBy(() -> NumericTransform.fit(NumericColumns.of(new double[0]), q20()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0 rows");
        assertThatThrownBy(() -> NumericColumns.rowMajor(new double[5], 2, 3)).hasMessageContaining("5 values");
    }
}
