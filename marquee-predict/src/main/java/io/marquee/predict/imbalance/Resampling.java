package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;
import java.util.Locale;

/** How the training rows are rebalanced before fitting (the default is {@link #NONE}). */
public enum Resampling {
    /** Train on the data as it is (the default: see docs/dropoff.md, "Class imbalance"). */
    NONE,
    /** Weight each class by n / (2 · n_class), so both classes weigh the same in total. */
    CLASS_WEIGHTS,
    /** Add SMOTE synthetic minority rows until the classes are balanced. */
    SMOTE;

    /** The value of a name ({@code none}, {@code class_weights}, {@code smote}). */
    public static Resampling of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of("resampling", "'" + name + "'", "none, class_weights or smote");
        }
    }

    /** The lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
