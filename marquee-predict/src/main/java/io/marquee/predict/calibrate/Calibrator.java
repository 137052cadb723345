package io.marquee.predict.calibrate;

import io.marquee.core.error.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Maps a classifier's probability to a calibrated probability. Immutable and thread-safe; saved as
 * a small JSON map ({@link #toMap()}, {@link #fromMap}).
 */
public interface Calibrator {
    /** {@code none}, {@code platt} or {@code isotonic}. */
    String kind();

    /** The calibrated probability of a raw probability. */
    double apply(double p);

    /** The calibrated probabilities of many raw ones (a new array). */
    default double[] apply(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = apply(p[i]);
        }
        return out;
    }

    /** JSON-friendly form. */
    Map<String, Object> toMap();

    /** The calibrator that changes nothing. */
    Calibrator IDENTITY = new Calibrator() {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        public double apply(double p) {
            return p;
        }

        @Override
        public Map<String, Object> toMap() {
            return Map.of("kind", "none");
        }

        @Override
        public String toString() {
            return "Calibrator[none]";
        }
    };

    /** The inverse of {@link #toMap()}. */
    @SuppressWarnings("unchecked")
    static Calibrator fromMap(Map<String, Object> m) {
        String kind = String.valueOf(m.get("kind"));
        return switch (kind) {
            case "none" -> IDENTITY;
            case "platt" -> new PlattScaling(((Number) m.get("a")).doubleValue(), ((Number) m.get("b")).doubleValue());
            case "isotonic" -> new IsotonicRegression(toDoubles((List<Number>) m.get("x")),
                    toDoubles((List<Number>) m.get("y")));
            default -> throw InvalidInputException.of("calibrator kind", "'" + kind + "'", "none, platt or isotonic");
        };
    }

    private static double[] toDoubles(List<Number> l) {
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).doubleValue();
        }
        return out;
    }
}
