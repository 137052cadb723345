package io.marquee.core.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits MovieLens titles such as {@code "Toy Story (1995)"} into the title and the year.
 *
 * <p>Rule: the title is trimmed; if it then ends with a year in parentheses, {@code (1995)}, or a
 * range, {@code (1995-1996)}, {@code (1995–1996)}, {@code (2006– )}, that part is removed (with the
 * white space before it) and the first year is the film's year. Anything else is kept as written:
 * {@code "Usual Suspects, The (1995)"} becomes {@code "Usual Suspects, The"}, and a title without a
 * trailing year, or one whose year is outside 1870–2100, keeps its whole text and has no year.
 * Only film files are parsed this way (tens of thousands of lines), so a regular expression is fine.
 */
final class MovieTitles {
    /** The earliest and latest year a {@link io.marquee.core.domain.Movie} accepts. */
    static final int MIN_YEAR = 1870;
    static final int MAX_YEAR = 2100;

    private static final Pattern TRAILING_YEAR =
            Pattern.compile("^(.*?\\S)\\s*\\(\\s*(\\d{4})(?:\\s*[-\u2013]\\s*(?:\\d{4})?)?\\s*\\)$", Pattern.DOTALL);

    /** A title without its trailing year, and the year or {@code null}. */
    record Parsed(String title, Integer year) {
    }

    private MovieTitles() {
    }

    /** Splits {@code raw}; see the class comment for the rule. */
    static Parsed parse(String raw) {
        String title = raw.strip();
        Matcher m = TRAILING_YEAR.matcher(title);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(2));
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return new Parsed(m.group(1).strip(), year);
            }
        }
        return new Parsed(title, null);
    }
}
