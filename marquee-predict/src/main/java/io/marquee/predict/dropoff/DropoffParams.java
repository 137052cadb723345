package io.marquee.predict.dropoff;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.predict.calibrate.CalibrationMode;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.features.PipelineParams;
import io.marquee.predict.imbalance.ThresholdPolicy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the drop-off task.
 *
 * @param dropThreshold     a view is abandoned when watched minutes &lt; this × runtime (0.9)
 * @param testFraction      the last share of clean events, by start time, kept for the test (0.2)
 * @param validFraction     the share just before the test, by time, used to choose calibration
 *                          and threshold (0.1); the model is fitted on the events before it
 * @param priorStrength     pseudo-count α with which completion rates and mean ratings are shrunk
 *                          towards the global value (5)
 * @param sessionGapMinutes a view starting at most this long after the previous view ended
 *                          continues its session (20)
 * @param absurdFactor      a watch event with negative minutes or more than this × runtime is
 *                          absurd and left out (5)
 * @param algo              the classifier (logistic regression by default: on the drop-off features it
 *                          ranks better than gradient boosting and trains in a fraction of the time;
 *                          see docs/dropoff.md)
 * @param overrides         classifier parameter overrides on top of the task's defaults
 * @param pipeline          feature pipeline settings
 * @param calibration       calibration on the validation events (auto)
 * @param threshold         threshold policy on the validation events (F1)
 * @param seed              seed of everything random
 */
public record DropoffParams(double dropThreshold, double testFraction, double validFraction, double priorStrength,
                            int sessionGapMinutes, double absurdFactor, Algo algo, Map<String, String> overrides,
                            PipelineParams pipeline, CalibrationMode calibration, ThresholdPolicy threshold, long seed)
        implements Params {
    /** Classifier settings of the task when the algorithm is gradient boosting (see docs/dropoff.md). */
    public static final Map<String, String> GBDT_DEFAULTS = Map.of("rounds", "300", "eta", "0.08", "maxDepth", "4",
            "minChildWeight", "20", "subsample", "0.6", "colsampleBytree", "0.5", "maxBin", "128");

    public DropoffParams {
        if (!(dropThreshold > 0 && dropThreshold <= 1)) {
            throw InvalidInputException.of("dropThreshold", dropThreshold, "in (0, 1]");
        }
        if (!(testFraction > 0 && testFraction < 0.9)) {
            throw InvalidInputException.of("testFraction", testFraction, "in (0, 0.9)");
        }
        if (!(validFraction > 0 && validFraction + testFraction < 0.95)) {
            throw InvalidInputException.of("validFraction", validFraction, "above 0, with testFraction below 0.95");
        }
        if (!(priorStrength >= 0 && priorStrength <= 1000)) {
            throw InvalidInputException.of("priorStrength", priorStrength, "between 0 and 1000");
        }
        if (sessionGapMinutes < 0 || sessionGapMinutes > 24 * 60) {
            throw InvalidInputException.of("sessionGapMinutes", sessionGapMinutes, "between 0 and 1440");
        }
        if (!(absurdFactor >= 1 && absurdFactor <= 1000)) {
            throw InvalidInputException.of("absurdFactor", absurdFactor, "between 1 and 1000");
        }
        if (algo == null) {
            throw InvalidInputException.of("algo", null, "one of gbdt, rf, extratrees, tree, logreg");
        }
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        algo.params(classifierOverrides(algo, overrides), seed); // rejects unknown parameters now
    }

    /** 90 % of the runtime, time split 70/10/20, L2 logistic regression. */
    public static DropoffParams defaults() {
        return new DropoffParams(0.9, 0.2, 0.1, 5, 20, 5, Algo.LOGREG, Map.of(), PipelineParams.defaults(),
                CalibrationMode.AUTO, ThresholdPolicy.F1, 42);
    }

    private static Map<String, String> classifierOverrides(Algo algo, Map<String, String> overrides) {
        if (algo != Algo.GBDT) {
            return overrides;
        }
        Map<String, String> m = new LinkedHashMap<>(GBDT_DEFAULTS);
        m.putAll(overrides);
        return m;
    }

    /** The overrides handed to the classifier: the task's defaults for gradient boosting, then {@link #overrides}. */
    public Map<String, String> classifierOverrides() {
        return classifierOverrides(algo, overrides);
    }

    public DropoffParams withAlgo(Algo a, Map<String, String> o) {
        return new DropoffParams(dropThreshold, testFraction, validFraction, priorStrength, sessionGapMinutes,
                absurdFactor, a, o, pipeline, calibration, threshold, seed);
    }

    public DropoffParams withOverrides(Map<String, String> o) {
        return withAlgo(algo, o);
    }

    public DropoffParams withDropThreshold(double t) {
        return new DropoffParams(t, testFraction, validFraction, priorStrength, sessionGapMinutes, absurdFactor, algo,
                overrides, pipeline, calibration, threshold, seed);
    }

    public DropoffParams withSeed(long s) {
        return new DropoffParams(dropThreshold, testFraction, validFraction, priorStrength, sessionGapMinutes,
                absurdFactor, algo, overrides, pipeline.withSeed(s), calibration, threshold, s);
    }

    public DropoffParams withCalibration(CalibrationMode c) {
        return new DropoffParams(dropThreshold, testFraction, validFraction, priorStrength, sessionGapMinutes,
                absurdFactor, algo, overrides, pipeline, c, threshold, seed);
    }

    public DropoffParams withThreshold(ThresholdPolicy t) {
        return new DropoffParams(dropThreshold, testFraction, validFraction, priorStrength, sessionGapMinutes,
                absurdFactor, algo, overrides, pipeline, calibration, t, seed);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dropThreshold", dropThreshold);
        m.put("testFraction", testFraction);
        m.put("validFraction", validFraction);
        m.put("priorStrength", priorStrength);
        m.put("sessionGapMinutes", sessionGapMinutes);
        m.put("absurdFactor", absurdFactor);
        m.put("algo", algo.id());
        m.put("overrides", new LinkedHashMap<>(overrides));
        m.put("classifier", algo.params(classifierOverrides(), seed));
        m.put("pipeline", pipeline.toMap());
        m.put("calibration", calibration.name().toLowerCase(Locale.ROOT));
        m.put("threshold", threshold.id());
        m.put("seed", seed);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    @SuppressWarnings("unchecked")
    public static DropoffParams fromMap(Map<String, Object> m) {
        Map<String, String> o = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("overrides")).forEach((k, v) -> o.put(k, String.valueOf(v)));
        return new DropoffParams(num(m, "dropThreshold"), num(m, "testFraction"), num(m, "validFraction"),
                num(m, "priorStrength"), (int) num(m, "sessionGapMinutes"), num(m, "absurdFactor"),
                Algo.of((String) m.get("algo")), o, PipelineParams.fromMap((Map<String, Object>) m.get("pipeline")),
                CalibrationMode.of((String) m.get("calibration")), ThresholdPolicy.of((String) m.get("threshold")),
                ((Number) m.get("seed")).longValue());
    }

    private static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }
}
