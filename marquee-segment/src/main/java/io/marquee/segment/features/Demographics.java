package io.marquee.segment.features;

import java.util.List;

/** Demographic groups used by the EDA and the representation check. */
public final class Demographics {
    /** Age bands in order, the last for a missing age. */
    public static final List<String> AGE_BANDS = List.of("under 18", "18–24", "25–34", "35–44", "45–54", "55–64",
            "65+", "unknown");
    /** Label of a missing gender. */
    public static final String UNKNOWN = "unknown";

    private Demographics() {
    }

    /** Band of an age in years (−1 or any age outside 1–120 is "unknown"). */
    public static String ageBand(int age) {
        if (age < 1 || age > 120) {
            return "unknown";
        }
        if (age < 18) {
            return "under 18";
        }
        if (age < 25) {
            return "18–24";
        }
        if (age < 35) {
            return "25–34";
        }
        if (age < 45) {
            return "35–44";
        }
        if (age < 55) {
            return "45–54";
        }
        if (age < 65) {
            return "55–64";
        }
        return "65+";
    }

    /** Index of {@link #ageBand(int)} in {@link #AGE_BANDS}. */
    public static int ageBandIndex(int age) {
        return AGE_BANDS.indexOf(ageBand(age));
    }

    /** A gender value, or "unknown" when missing or blank. */
    public static String gender(String g) {
        return g == null || g.isBlank() ? UNKNOWN : g.trim();
    }
}
