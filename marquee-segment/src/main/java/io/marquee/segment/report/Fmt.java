package io.marquee.segment.report;

import java.util.Locale;

/**
 * Number formatting for reports: always {@link Locale#ROOT} (a dot as decimal separator, no
 * grouping surprises), so that a number written into a report can be compared with the computed
 * one by a test.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code value} with {@code decimals} digits after the point; NaN as "n/a". */
    public static String num(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A share in [0, 1] as a percentage with one decimal, e.g. {@code 58.3 %}. */
    public static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : num(100 * share, 1) + " %";
    }

    /** An integer with thousands separators, e.g. {@code 10,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code String.format} in {@link Locale#ROOT}. */
    public static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Escapes text for a markdown table cell. */
    public static String md(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }

    /** Escapes text for HTML. */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
