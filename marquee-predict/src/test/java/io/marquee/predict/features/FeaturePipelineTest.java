package io.marquee.predict.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.table.ColumnSpec;
import io.marquee.predict.table.ColumnType;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.Table;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
    private static final Schema SCHEMA = Schema.of(
            ColumnSpec.optional("x", ColumnType.NUMERIC),
            ColumnSpec.optional("colour", ColumnType.CATEGORICAL),
            ColumnSpec.optional("flag", ColumnType.BOOLEAN),
            ColumnSpec.optional("at", ColumnType.TIMESTAMP));

    /** x = 1..100 plus one missing; colours red ×60, blue ×30, green ×10, one missing. */
    private static Table training() {
        int n = 101;
        double[] x = new double[n];
        String[] colour = new String[n];
        double[] flag = new double[n];
        long[] at = new long[n];
        for (int i = 0; i < 100; i++) {
            x[i] = i + 1;
            colour[i] = i < 60 ? "red" : i < 90 ? "blue" : "green";
            flag[i] = i < 70 ? 1 : 0;
            at[i] = 1_700_000_000L + i * 3600L;
        }
        x[100] = Double.NaN;
        colour[100] = null;
        flag[100] = Double.NaN;
        at[100] = Table.MISSING_TIME;
        return Table.ofColumns(SCHEMA, x, colour, flag, at);
    }

    private static PipelineParams params() {
        return new PipelineParams(0.01, 0.99, 50, 1, false, true, 200_000, 42);
    }

    private static Map<String, Object> row(Object x, Object colour, Object flag, Object at) {
        Map<String, Object> m = new HashMap<>();
        m.put("x", x);
        m.put("colour", colour);
        m.put("flag", flag);
        m.put("at", at);
        return m;
    }

    private static float value(FeaturePipeline p, float[] row, String feature) {
        return row[p.featureNames().indexOf(feature)];
    }

    @Test
    void features_are_named_in_column_order_with_an_other_bucket_and_missing_indicators() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        assertThat(p.featureNames()).containsExactly("x", "x__missing", "colour=red", "colour=blue",
                "colour=green", "colour=__other__", "flag", "flag__missing", "at__hour", "at__weekday", "at__month");
    }

    @Test
    void a_missing_value_gets_the_training_median_or_mode_and_sets_its_indicator() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        float[] r = p.transformRow(row(null, null, null, null));
        assertThat(value(p, r, "x")).isEqualTo(50.5f); // median of 1..100
        assertThat(value(p, r, "x__missing")).isEqualTo(1f);
        assertThat(value(p, r, "colour=red")).isEqualTo(1f); // the mode
        assertThat(value(p, r, "flag")).isEqualTo(1f); // 70 of 100 true
        assertThat(value(p, r, "flag__missing")).isEqualTo(1f);
    }

    @Test
    void an_outlier_is_clipped_to_the_learned_quantiles() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        // type-7 quantiles of 1..100: 1 % = 1.99, 99 % = 99.01
        assertThat(value(p, p.transformRow(row(1e9, "red", true, null)), "x")).isEqualTo(99.01f);
        assertThat(value(p, p.transformRow(row(-5, "red", true, null)), "x")).isEqualTo(1.99f);
        assertThat(value(p, p.transformRow(row(42, "red", true, null)), "x")).isEqualTo(42f);
    }

    @Test
    void an_unseen_category_goes_to_the_other_bucket_and_is_not_an_error() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        float[] r = p.transformRow(row(3, "purple", false, null));
        assertThat(value(p, r, "colour=__other__")).isEqualTo(1f);
        assertThat(value(p, r, "colour=red") + value(p, r, "colour=blue") + value(p, r, "colour=green")).isZero();
    }

    @Test
    void a_rare_training_level_shares_the_other_bucket() {
        PipelineParams strict = new PipelineParams(0.01, 0.99, 50, 20, false, true, 200_000, 42);
        FeaturePipeline p = FeaturePipeline.fit(training(), strict);
        assertThat(p.featureNames()).contains("colour=red", "colour=blue").doesNotContain("colour=green");
        assertThat(value(p, p.transformRow(row(3, "green", false, null)), "colour=__other__")).isEqualTo(1f);
    }

    @Test
    void timestamps_become_hour_weekday_and_month() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        float[] r = p.transformRow(row(3, "red", false, "2024-03-01T20:15:00Z")); // a Friday
        assertThat(value(p, r, "at__hour")).isEqualTo(20f);
        assertThat(value(p, r, "at__weekday")).isEqualTo(5f);
        assertThat(value(p, r, "at__month")).isEqualTo(3f);
    }

    @Test
    void standardised_numeric_features_have_mean_zero_and_unit_variance_on_training_rows() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params().withStandardize(true));
        FloatMatrix m = p.transform(training());
        int c = p.featureNames().indexOf("x");
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < m.rows(); r++) {
            sum += m.get(r, c);
            sq += m.get(r, c) * m.get(r, c);
        }
        assertThat(sum / m.rows()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(sq / m.rows()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void serving_applies_exactly_the_transform_of_fitting_even_after_a_json_round_trip() throws Exception {
        Table train = training();
        FeaturePipeline p = FeaturePipeline.fit(train, params().withStandardize(true));
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(json.writeValueAsString(p.toMap()), Map.class);
        FeaturePipeline loaded = FeaturePipeline.fromMap(back);
        assertThat(loaded).isEqualTo(p);
        FloatMatrix batch = p.transform(train);
        for (int r = 0; r < train.rows(); r += 7) {
            Map<String, Object> req = row(Double.isNaN(train.numeric("x")[r]) ? null : train.numeric("x")[r],
                    train.categorical("colour")[r],
                    Double.isNaN(train.numeric("flag")[r]) ? null : train.numeric("flag")[r] == 1,
                    train.timestamps("at")[r] == Table.MISSING_TIME ? null : train.timestamps("at")[r]);
            assertThat(loaded.transformRow(req)).containsExactly(batch.row(r));
        }
    }

    @Test
    void a_row_of_the_wrong_type_names_the_field_and_the_value() {
        FeaturePipeline p = FeaturePipeline.fit(training(), params());
        assertThatThrownBy(() -> p.transformRow(row("abc", "red", true, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field x").hasMessageContaining("'abc'");
    }

    @Test
    void bad_params_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new PipelineParams(0.6, 0.99, 50, 1, false, true, 1000, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("winsorLower").hasMessageContaining("0.6");
        assertThatThrownBy(() -> new PipelineParams(0.01, 0.99, 0, 1, false, true, 1000, 1))
                .hasMessageContaining("maxLevels");
    }

    @Test
    void fitting_on_no_rows_is_refused() {
        Table empty = Table.ofColumns(SCHEMA, new double[0], new String[0], new double[0], new long[0]);
        assertThatThrownBy(() -> FeaturePipeline.fit(empty, params())).isInstanceOf(InvalidInputException.class);
    }
}
