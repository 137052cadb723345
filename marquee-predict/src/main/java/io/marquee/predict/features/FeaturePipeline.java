package io.marquee.predict.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.features.Imputer;
import io.marquee.core.features.NumericColumns;
import io.marquee.core.features.NumericTransform;
import io.marquee.core.features.NumericTransformParams;
import io.marquee.core.features.StandardScaler;
import io.marquee.core.features.Winsorizer;
import io.marquee.predict.table.ColumnSpec;
import io.marquee.predict.table.ColumnType;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Table} into the {@link FloatMatrix} a classifier reads. Fitted once on training
 * rows only ({@link #fit}); the fitted pipeline is an immutable, thread-safe value saved with the
 * model ({@link #toMap()}) and applied identically at serving ({@link #transform},
 * {@link #transformRow}).
 *
 * <p>Per input column, in schema order:
 * <ul>
 *   <li><b>numeric</b>: a missing value becomes the training median; the value is clipped to the
 *       training quantiles {@code winsorLower}/{@code winsorUpper} (winsorizing); optionally
 *       standardised with the mean and standard deviation of the clipped training values. With
 *       {@code missingIndicators}, a column that had missing training values also yields
 *       {@code name__missing} (1 when the value was missing). Imputation, winsorizing and scaling
 *       are core's shared {@link NumericTransform} (the segmentation cleans its features with the
 *       same one), fitted per column.</li>
 *   <li><b>boolean</b>: 0/1; a missing value becomes the training mode ({@link Imputer#mode}, plus
 *       the indicator as above).</li>
 *   <li><b>categorical</b>: one-hot over the kept levels (the {@code maxLevels} most frequent
 *       training levels with at least {@code minLevelCount} rows) plus one {@code name=__other__}
 *       column. A level that was rare in training or <em>never seen in training</em> (an unseen
 *       category at serving) sets {@code __other__}; it is never an error. A missing value becomes
 *       the training mode.</li>
 *   <li><b>timestamp</b>: three numeric features {@code name__hour} (0–23), {@code name__weekday}
 *       (1 = Monday … 7 = Sunday) and {@code name__month} (1–12), in UTC; a missing time becomes
 *       the training median; standardised like numeric features when asked.</li>
 * </ul>
 */
public final class FeaturePipeline {
    private static final String OTHER = "__other__";

    private final Schema schema;
    private final PipelineParams params;
    private final List<Step> steps;
    private final List<String> featureNames;

    private FeaturePipeline(Schema schema, PipelineParams params, List<Step> steps) {
        this.schema = schema;
        this.params = params;
        this.steps = List.copyOf(steps);
        List<String> names = new ArrayList<>();
        for (Step s : this.steps) {
            names.addAll(s.outputNames());
        }
        this.featureNames = List.copyOf(names);
    }

    /** Learns every step's statistics from the training table. */
    public static FeaturePipeline fit(Table train, PipelineParams params) {
        if (train.rows() == 0) {
            throw InvalidInputException.of("training rows", 0, "at least 1 to fit a feature pipeline");
        }
        List<Step> steps = new ArrayList<>();
        Schema schema = train.schema();
        for (int c = 0; c < schema.size(); c++) {
            ColumnSpec spec = schema.column(c);
            steps.add(switch (spec.type()) {
                case NUMERIC -> fitNumeric(spec.name(), train.numeric(c), params);
                case BOOLEAN -> fitBoolean(spec.name(), train.numeric(c), params);
                case CATEGORICAL -> fitCategorical(spec.name(), train.categorical(c), params);
                case TIMESTAMP -> fitTimestamp(spec.name(), train.timestamps(c), params);
            });
        }
        return new FeaturePipeline(schema, params, steps);
    }

    /** The input schema the pipeline was fitted on. */
    public Schema schema() {
        return schema;
    }

    public PipelineParams params() {
        return params;
    }

    /** Names of the output features, in column order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of output features. */
    public int width() {
        return featureNames.size();
    }

    /**
     * Applies the fitted steps. The table must have every input column of the pipeline's schema,
     * with the same type (its other columns are ignored).
     */
    public FloatMatrix transform(Table table) {
        int w = width();
        int n = table.rows();
        float[] out = new float[n * w];
        int offset = 0;
        for (Step s : steps) {
            int c = table.schema().indexOf(s.column());
            if (c < 0) {
                throw InvalidInputException.of("input column", "'" + s.column() + "'", "present (the model was trained on it)");
            }
            ColumnType expected = schema.column(s.column()).type();
            if (table.schema().column(c).type() != expected) {
                throw InvalidInputException.of("type of column " + s.column(), table.schema().column(c).type(),
                        expected + " as in training");
            }
            Object col = switch (expected) {
                case NUMERIC, BOOLEAN -> table.numeric(c);
                case CATEGORICAL -> table.categorical(c);
                case TIMESTAMP -> table.timestamps(c);
            };
            s.apply(col, n, out, w, offset);
            offset += s.width();
        }
        return new FloatMatrix(n, w, out, featureNames);
    }

    /**
     * Checks one request row against the schema and transforms it: a field of the wrong type, a
     * missing required field or an unknown field is an {@link InvalidInputException} naming the
     * field and the value.
     */
    public float[] transformRow(Map<String, ?> row) {
        return transform(Table.ofRow(schema, row)).data();
    }

    // ---- fitting -------------------------------------------------------------------------------

    private static NumericStep fitNumeric(String name, double[] v, PipelineParams p) {
        NumericTransform t = NumericTransform.fit(NumericColumns.of(v), new NumericTransformParams(p.winsorLower(),
                p.winsorUpper(), p.standardize(), p.quantileSample(), p.seed() ^ name.hashCode()));
        boolean hadMissing = false;
        for (double x : v) {
            hadMissing |= Double.isNaN(x);
        }
        return new NumericStep(name, t, p.missingIndicators() && hadMissing);
    }

    private static BooleanStep fitBoolean(String name, double[] v, PipelineParams p) {
        boolean hadMissing = false;
        for (double x : v) {
            hadMissing |= Double.isNaN(x);
        }
        return new BooleanStep(name, Imputer.mode(NumericColumns.of(v)).fill(0), p.missingIndicators() && hadMissing);
    }

    private static CategoricalStep fitCategorical(String name, String[] v, PipelineParams p) {
        Map<String, int[]> counts = new HashMap<>();
        for (String s : v) {
            if (s != null) {
                counts.computeIfAbsent(s, k -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        String mode = entries.isEmpty() ? null : entries.get(0).getKey();
        List<String> levels = new ArrayList<>();
        for (Map.Entry<String, int[]> e : entries) {
            if (levels.size() >= p.maxLevels() || e.getValue()[0] < p.minLevelCount()) {
                break;
            }
            levels.add(e.getKey());
        }
        return new CategoricalStep(name, levels, mode);
    }

    private static TimestampStep fitTimestamp(String name, long[] v, PipelineParams p) {
        int present = 0;
        for (long t : v) {
            present += t == Table.MISSING_TIME ? 0 : 1;
        }
        long[] kept = new long[present];
        int k = 0;
        for (long t : v) {
            if (t != Table.MISSING_TIME) {
                kept[k++] = t;
            }
        }
        Arrays.sort(kept);
        long median = kept.length == 0 ? 0 : kept[kept.length / 2];
        double[][] parts = new double[3][v.length];
        double[] f = new double[3];
        for (int r = 0; r < v.length; r++) {
            TimestampStep.parts(v[r] == Table.MISSING_TIME ? median : v[r], f);
            for (int j = 0; j < 3; j++) {
                parts[j][r] = f[j];
            }
        }
        return new TimestampStep(name, median, StandardScaler.fit(NumericColumns.of(parts)), p.standardize());
    }

    // ---- persistence -------------------------------------------------------------------------

    /** JSON-friendly form of the fitted pipeline (schema, params and every step's statistics). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", schema.toList());
        m.put("params", params.toMap());
        List<Map<String, Object>> s = new ArrayList<>();
        for (Step step : steps) {
            s.add(step.toMap());
        }
        m.put("steps", s);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    @SuppressWarnings("unchecked")
    public static FeaturePipeline fromMap(Map<String, Object> m) {
        Schema schema = Schema.fromList((List<Map<String, Object>>) m.get("schema"));
        PipelineParams params = PipelineParams.fromMap((Map<String, Object>) m.get("params"));
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) m.get("steps")) {
            String kind = (String) s.get("kind");
            String col = (String) s.get("column");
            steps.add(switch (kind) {
                case "numeric" -> new NumericStep(col, new NumericTransform(Imputer.of(num(s, "median")),
                        Winsorizer.of(new double[] {num(s, "lo")}, new double[] {num(s, "hi")}),
                        StandardScaler.of(new double[] {num(s, "mean")}, new double[] {num(s, "sd")}),
                        (Boolean) s.get("standardize")), (Boolean) s.get("indicator"));
                case "boolean" -> new BooleanStep(col, num(s, "mode"), (Boolean) s.get("indicator"));
                case "categorical" -> new CategoricalStep(col, (List<String>) s.get("levels"), (String) s.get("mode"));
                case "timestamp" -> new TimestampStep(col, ((Number) s.get("median")).longValue(),
                        StandardScaler.of(doubles((List<Number>) s.get("mean")), doubles((List<Number>) s.get("sd"))),
                        (Boolean) s.get("standardize"));
                default -> throw InvalidInputException.of("pipeline step kind", kind,
                        "numeric, boolean, categorical or timestamp");
            });
        }
        return new FeaturePipeline(schema, params, steps);
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String s) { // infinities are written as strings
            return switch (s) {
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "inf" -> Double.POSITIVE_INFINITY;
                default -> throw InvalidInputException.of("pipeline value " + key, s, "a number, 'inf' or '-inf'");
            };
        }
        return ((Number) v).doubleValue();
    }

    private static Object finite(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return v;
    }

    private static double[] doubles(List<Number> l) {
        double[] out = new double[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = l.get(k).doubleValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeaturePipeline p && p.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "FeaturePipeline[" + schema.size() + " columns → " + width() + " features]";
    }

    // ---- steps ---------------------------------------------------------------------------------

    private interface Step {
        String column();

        int width();

        List<String> outputNames();

        void apply(Object column, int rows, float[] out, int stride, int offset);

        Map<String, Object> toMap();
    }

    /** A numeric column: the shared {@link NumericTransform} (one column) plus the missing indicator. */
    private record NumericStep(String column, NumericTransform transform, boolean indicator) implements Step {
        @Override
        public int width() {
            return indicator ? 2 : 1;
        }

        @Override
        public List<String> outputNames() {
            return indicator ? List.of(column, column + "__missing") : List.of(column);
        }

        @Override
        public void apply(Object col, int rows, float[] out, int stride, int offset) {
            double[] v = (double[]) col;
            for (int r = 0; r < rows; r++) {
                double x = v[r];
                int at = r * stride + offset;
                out[at] = (float) transform.apply(0, x);
                if (indicator) {
                    out[at + 1] = Double.isNaN(x) ? 1f : 0f;
                }
            }
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "numeric");
            m.put("column", column);
            m.put("median", transform.imputer().fill(0));
            m.put("lo", finite(transform.winsorizer().low(0)));
            m.put("hi", finite(transform.winsorizer().high(0)));
            m.put("mean", transform.scaler().mean(0));
            m.put("sd", transform.scaler().sd(0));
            m.put("indicator", indicator);
            m.put("standardize", transform.standardize());
            return m;
        }
    }

    private record BooleanStep(String column, double mode, boolean indicator) implements Step {
        @Override
        public int width() {
            return indicator ? 2 : 1;
        }

        @Override
        public List<String> outputNames() {
            return indicator ? List.of(column, column + "__missing") : List.of(column);
        }

        @Override
        public void apply(Object col, int rows, float[] out, int stride, int offset) {
            double[] v = (double[]) col;
            for (int r = 0; r < rows; r++) {
                boolean missing = Double.isNaN(v[r]);
                int at = r * stride + offset;
                out[at] = (float) (missing ? mode : v[r]);
                if (indicator) {
                    out[at + 1] = missing ? 1f : 0f;
                }
            }
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "boolean");
            m.put("column", column);
            m.put("mode", mode);
            m.put("indicator", indicator);
            return m;
        }
    }

    private static final class CategoricalStep implements Step {
        private final String column;
        private final List<String> levels;
        private final String mode;
        private final Map<String, Integer> index;

        CategoricalStep(String column, List<String> levels, String mode) {
            this.column = column;
            this.levels = List.copyOf(levels);
            this.mode = mode;
            Map<String, Integer> m = new HashMap<>();
            for (int k = 0; k < this.levels.size(); k++) {
                m.put(this.levels.get(k), k);
            }
            this.index = Collections.unmodifiableMap(m);
        }

        @Override
        public String column() {
            return column;
        }

        @Override
        public int width() {
            return levels.size() + 1;
        }

        @Override
        public List<String> outputNames() {
            List<String> n = new ArrayList<>();
            for (String l : levels) {
                n.add(column + "=" + l);
            }
            n.add(column + "=" + OTHER);
            return n;
        }

        @Override
        public void apply(Object col, int rows, float[] out, int stride, int offset) {
            String[] v = (String[]) col;
            int other = levels.size();
            for (int r = 0; r < rows; r++) {
                String s = v[r] == null ? mode : v[r];
                Integer k = s == null ? null : index.get(s);
                out[r * stride + offset + (k == null ? other : k)] = 1f;
            }
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "categorical");
            m.put("column", column);
            m.put("levels", levels);
            m.put("mode", mode);
            return m;
        }
    }

    /** A timestamp column: hour, weekday and month, standardised with the shared {@link StandardScaler}. */
    private record TimestampStep(String column, long median, StandardScaler scaler, boolean standardize)
            implements Step {
        static void parts(long t, double[] f) {
            long day = Math.floorDiv(t, 86_400L);
            f[0] = Math.floorMod(t, 86_400L) / 3600;
            f[1] = Math.floorMod(day + 3, 7L) + 1; // 1970-01-01 was a Thursday
            f[2] = LocalDate.ofEpochDay(day).getMonthValue();
        }

        @Override
        public int width() {
            return 3;
        }

        @Override
        public List<String> outputNames() {
            return List.of(column + "__hour", column + "__weekday", column + "__month");
        }

        @Override
        public void apply(Object col, int rows, float[] out, int stride, int offset) {
            long[] v = (long[]) col;
            double[] f = new double[3];
            for (int r = 0; r < rows; r++) {
                parts(v[r] == Table.MISSING_TIME ? median : v[r], f);
                for (int j = 0; j < 3; j++) {
                    out[r * stride + offset + j] = (float) (standardize ? scaler.apply(j, f[j]) : f[j]);
                }
            }
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "timestamp");
            m.put("column", column);
            m.put("median", median);
            m.put("mean", Arrays.stream(scaler.mean()).boxed().toList());
            m.put("sd", Arrays.stream(scaler.sd()).boxed().toList());
            m.put("standardize", standardize);
            return m;
        }
    }
}
