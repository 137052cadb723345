package io.marquee.core.importer;

import io.marquee.core.error.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to read a CSV file for {@link CsvTableImporter}. Immutable; build from {@link #defaults()}
 * with the {@code with…} methods.
 *
 * @param delimiter     field separator; not a quote, CR or LF (default {@code ,})
 * @param charset       text encoding (default UTF-8)
 * @param columnMapping target column → header name in the CSV, for the columns whose names
 *                      differ (e.g. {@code user_id → customer}); a target not in the mapping is
 *                      looked up under its own name. Kept sorted by target column.
 */
public record CsvOptions(char delimiter, Charset charset, Map<String, String> columnMapping) {
    public CsvOptions {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw InvalidInputException.of("delimiter", printable(delimiter), "a character other than '\"', CR and LF");
        }
        if (charset == null) {
            throw InvalidInputException.of("charset", null, "given");
        }
        if (columnMapping == null) {
            throw InvalidInputException.of("columnMapping", null, "given (use an empty map for none)");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : columnMapping.entrySet()) {
            String target = e.getKey() == null ? null : e.getKey().strip();
            String header = e.getValue() == null ? null : e.getValue().strip();
            if (target == null || target.isEmpty()) {
                throw InvalidInputException.of("column mapping target", "'" + e.getKey() + "'", "a column name");
            }
            if (header == null || header.isEmpty()) {
                throw InvalidInputException.of("column mapping for " + target, "'" + e.getValue() + "'",
                        "a header name of the CSV");
            }
            copy.put(target, header);
        }
        columnMapping = Collections.unmodifiableMap(copy);
    }

    /** Comma, UTF-8, no mapping. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', StandardCharsets.UTF_8, Map.of());
    }

    /** These options with another delimiter. */
    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, charset, columnMapping);
    }

    /** These options with another charset. */
    public CsvOptions withCharset(Charset newCharset) {
        return new CsvOptions(delimiter, newCharset, columnMapping);
    }

    /** These options with {@code mapping} in place of the current column mapping. */
    public CsvOptions withMapping(Map<String, String> mapping) {
        return new CsvOptions(delimiter, charset, mapping);
    }

    /** These options with target column {@code column} read from the CSV header {@code header}. */
    public CsvOptions map(String column, String header) {
        TreeMap<String, String> m = new TreeMap<>(columnMapping);
        m.put(column, header);
        return new CsvOptions(delimiter, charset, m);
    }

    /**
     * Parses a column mapping written as {@code target=header} pairs (as a command line takes them),
     * e.g. {@code ["user_id=customer", "value=stars"]}. Spaces around the names are dropped.
     *
     * @throws InvalidInputException for a pair without {@code =} or with an empty side, or a
     *                               target given twice
     */
    public static Map<String, String> parseMapping(Collection<String> pairs) {
        TreeMap<String, String> mapping = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair == null ? -1 : pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || pair.substring(0, eq).isBlank() || pair.substring(eq + 1).isBlank()) {
                throw InvalidInputException.of("column mapping", "'" + pair + "'", "of the form column=header");
            }
            String target = pair.substring(0, eq).strip();
            if (mapping.put(target, pair.substring(eq + 1).strip()) != null) {
                throw new InvalidInputException("column mapping gives column '" + target + "' twice");
            }
        }
        return mapping;
    }

    /** The CSV header name for a target column: its mapping, or the column's own name. */
    public String headerFor(String column) {
        return columnMapping.getOrDefault(column, column);
    }

    private static String printable(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> "'" + c + "'";
        };
    }
}
