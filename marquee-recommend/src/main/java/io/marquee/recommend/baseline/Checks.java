package io.marquee.recommend.baseline;

import io.marquee.core.error.InvalidInputException;

/** Validation helpers for the params records of this package: messages name field and value. */
final class Checks {
    private Checks() {
    }

    static void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, value, "between " + min + " and " + max);
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw InvalidInputException.of(field, value, "a finite number >= 0");
        }
    }

    static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw InvalidInputException.of(field, value, "a finite number");
        }
    }

    /** Refuses an archive written by another algorithm. */
    static void algorithm(io.marquee.core.model.ModelArchive.Contents c, String expected) {
        if (!expected.equals(c.algorithm())) {
            throw new InvalidInputException("model " + c.dir() + " was trained by '" + c.algorithm()
                    + "', not '" + expected + "'");
        }
    }
}
