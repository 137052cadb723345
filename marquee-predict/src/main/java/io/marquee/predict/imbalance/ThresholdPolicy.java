package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;
import java.util.Locale;

/** How the decision threshold on the (calibrated) probability is set. */
public enum ThresholdPolicy {
    /** 0.5. */
    FIXED,
    /** The threshold that maximises F1 on the validation rows (the default). */
    F1,
    /** The threshold that maximises Youden's J = TPR − FPR on the validation rows. */
    YOUDEN;

    /** The value of a name ({@code fixed}, {@code f1}, {@code youden}). */
    public static ThresholdPolicy of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of("threshold policy", "'" + name + "'", "fixed, f1 or youden");
        }
    }

    /** The lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
