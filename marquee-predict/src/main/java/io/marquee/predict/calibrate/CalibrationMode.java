package io.marquee.predict.calibrate;

import io.marquee.core.error.InvalidInputException;
import java.util.Locale;

/** How a model's probabilities are calibrated on validation data. */
public enum CalibrationMode {
    /** Keep the classifier's probabilities. */
    NONE,
    /** Always Platt scaling. */
    PLATT,
    /** Always isotonic regression. */
    ISOTONIC,
    /**
     * Platt or isotonic only when it lowers the validation log-loss, judged by cross-fitting on the
     * validation set (the default); otherwise none.
     */
    AUTO;

    /** The mode of a name ({@code none}, {@code platt}, {@code isotonic}, {@code auto}). */
    public static CalibrationMode of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of("calibration", "'" + name + "'", "none, platt, isotonic or auto");
        }
    }
}
