package io.marquee.core.importer;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.marquee.core.data.DataSink;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.store.Imports;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports one table (films, viewers, ratings, watch events or survey answers) from a CSV file with
 * a header row, in one transaction recorded in the {@code imports} table.
 *
 * <p>Each table has named target columns ({@link #columns(String)}); {@link CsvOptions#columnMapping()}
 * says under which header name each is found when the names differ ({@code user_id → customer}).
 * Values are trimmed; an empty value is "absent", which only optional columns may be. Types:
 * ids are whole numbers ({@code long}), ages, years and minutes whole numbers, ratings and watched
 * minutes decimals, timestamps epoch seconds or ISO-8601 (with an offset, or
 * {@code yyyy-MM-dd HH:mm:ss} / {@code yyyy-MM-ddTHH:mm:ss} taken as UTC, or a plain date at
 * midnight UTC), booleans {@code true/false/1/0/yes/no} (any case), film genres separated by
 * {@code |}. A watch event's {@code id} column is optional: without it, ids are assigned
 * sequentially after the largest id in the database.
 *
 * <p>Rows must refer to viewers and films already in the database (or, for films and viewers,
 * must not repeat one): a row that does not fails as a bad line. Every bad value fails the whole
 * import with a {@link DataFormatException} such as
 * {@code ratings.csv:7: column 'value': 'abc' is not a number}; the database is left unchanged.
 */
public final class CsvTableImporter {
    /** What a column holds. */
    public enum Type {
        /** An id: a whole number. */
        ID("a whole number"),
        /** A whole number that fits an {@code int}. */
        INT("a whole number"),
        /** A finite decimal number. */
        DECIMAL("a number"),
        /** Epoch seconds or an ISO-8601 date-time or date. */
        TIMESTAMP("epoch seconds or an ISO-8601 date-time"),
        /** {@code true/false/1/0/yes/no}. */
        BOOLEAN("a boolean (true/false, 1/0, yes/no)"),
        /** Free text. */
        TEXT("text"),
        /** Genre names separated by {@code |}. */
        GENRES("genre names separated by '|'");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** What a value must look like, as messages say it. */
        public String description() {
            return description;
        }
    }

    /**
     * A target column of a table.
     *
     * @param name      column name in Marquee's schema, e.g. {@code user_id}
     * @param type      what it holds
     * @param required  whether the CSV must have it
     * @param maxLength longest text allowed (the schema's VARCHAR size), or 0 for no limit
     */
    public record Column(String name, Type type, boolean required, int maxLength) {
    }

    private enum Table {
        MOVIES("movies",
                new Column("id", Type.ID, true, 0),
                new Column("title", Type.TEXT, true, 512),
                new Column("year", Type.INT, false, 0),
                new Column("runtime_minutes", Type.INT, false, 0),
                new Column("genres", Type.GENRES, false, 0)),
        USERS("users",
                new Column("id", Type.ID, true, 0),
                new Column("age", Type.INT, false, 0),
                new Column("gender", Type.TEXT, false, 32),
                new Column("occupation", Type.TEXT, false, 64),
                new Column("region", Type.TEXT, false, 64)),
        RATINGS("ratings",
                new Column("user_id", Type.ID, true, 0),
                new Column("movie_id", Type.ID, true, 0),
                new Column("value", Type.DECIMAL, true, 0),
                new Column("rated_at", Type.TIMESTAMP, true, 0)),
        WATCH_EVENTS("watch_events",
                new Column("id", Type.ID, false, 0),
                new Column("user_id", Type.ID, true, 0),
                new Column("movie_id", Type.ID, true, 0),
                new Column("started_at", Type.TIMESTAMP, true, 0),
                new Column("watched_minutes", Type.DECIMAL, true, 0),
                new Column("runtime_minutes", Type.INT, true, 0),
                new Column("device", Type.TEXT, true, 32),
                new Column("completed", Type.BOOLEAN, true, 0)),
        SURVEY_RESPONSES("survey_responses",
                new Column("user_id", Type.ID, true, 0),
                new Column("question", Type.TEXT, true, 64),
                new Column("answer", Type.TEXT, true, 512));

        final String tableName;
        final List<Column> columns;

        Table(String tableName, Column... columns) {
            this.tableName = tableName;
            this.columns = List.of(columns);
        }

        static Table of(String name) {
            for (Table t : values()) {
                if (t.tableName.equals(name)) {
                    return t;
                }
            }
            throw InvalidInputException.of("table", "'" + name + "'", "one of " + String.join(", ", tables()));
        }

        int index(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(column);
        }
    }

    private CsvTableImporter() {
    }

    /** The tables a CSV can be imported into: movies, users, ratings, watch_events, survey_responses. */
    public static List<String> tables() {
        return Stream.of(Table.values()).map(t -> t.tableName).toList();
    }

    /** The target columns of {@code table}, in schema order. */
    public static List<Column> columns(String table) {
        return Table.of(table).columns;
    }

    /** Imports {@code csv} into {@code table}; see {@link #importInto(Database, Path, String, CsvOptions, Progress)}. */
    public static ImportResult importInto(Database db, Path csv, String table, CsvOptions options) {
        return importInto(db, csv, table, options, Progress.NONE);
    }

    /**
     * Imports {@code csv} into {@code table} in one transaction.
     *
     * @param table    one of {@link #tables()}
     * @param options  delimiter, charset and column mapping
     * @param progress told how far through the file the import is, in bytes
     * @return what was written; its kind is {@code csv:<table>}
     * @throws NotFoundException     when the file does not exist
     * @throws InvalidInputException for an unknown table, a mapping naming an unknown column, or a
     *                               header lacking required columns (the message lists the header)
     * @throws DataFormatException   at the first bad value, naming file, line and column
     * @throws io.marquee.core.error.ConflictException when the same file, table and mapping were
     *                               imported before, or a row's key is already in the database
     */
    public static ImportResult importInto(Database db, Path csv, String table, CsvOptions options, Progress progress) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Table target = Table.of(table);
        requireFile(csv);
        Header header = resolveHeader(csv, target, options);
        String fingerprint = fingerprint(csv, table, options);
        Context context = Context.load(db, target, header.positions());
        return Imports.run(db, "csv:" + target.tableName, csv.toString(), fingerprint,
                sink -> read(csv, target, options, header, context, sink, progress));
    }

    /**
     * SHA-256 (hex) of the file's bytes followed by the table name and the column mapping: the same
     * file imported into the same table the same way a second time is refused.
     */
    public static String fingerprint(Path csv, String table, CsvOptions options) {
        requireFile(csv);
        MessageDigest digest = Hashing.sha256();
        try (InputStream in = Files.newInputStream(csv)) {
            Hashing.update(digest, in);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        Hashing.update(digest, "\ntable=" + table + "\n");
        options.columnMapping().forEach((column, header) -> Hashing.update(digest, column + "=" + header + "\n"));
        return Hashing.hex(digest);
    }

    private static void requireFile(Path csv) {
        Objects.requireNonNull(csv, "csv");
        if (!Files.exists(csv)) {
            throw new NotFoundException("no such file: " + csv);
        }
        if (!Files.isRegularFile(csv)) {
            throw new InvalidInputException(csv + " is not a file");
        }
    }

    /**
     * The header row as resolved for a table.
     *
     * @param width     number of fields of the header
     * @param positions for each target column, its position in the header, or -1 when absent
     *                  (optional columns only)
     */
    private record Header(int width, int[] positions) {
    }

    private static Header resolveHeader(Path csv, Table table, CsvOptions options) {
        for (String mapped : options.columnMapping().keySet()) {
            if (table.columns.stream().noneMatch(c -> c.name().equals(mapped))) {
                throw new InvalidInputException("the column mapping names '" + mapped + "', which is not a column of "
                        + table.tableName + " (its columns: " + columnNames(table) + ")");
            }
        }
        List<String> header = readHeader(csv, options);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (positions.putIfAbsent(name, i) != null) {
                positions.put(name, -2); // ambiguous, reported only if used
            }
        }
        int[] result = new int[table.columns.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            Column c = table.columns.get(i);
            String wanted = options.headerFor(c.name());
            Integer at = positions.get(wanted);
            if (at != null && at == -2) {
                throw new InvalidInputException(csv + ": the header has more than one column '" + wanted + "'");
            }
            boolean mapped = options.columnMapping().containsKey(c.name());
            if (at == null && (c.required() || mapped)) {
                missing.add(mapped ? c.name() + " (mapped to '" + wanted + "')" : c.name());
            }
            result[i] = at == null ? -1 : at;
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(csv + " lacks " + (missing.size() == 1 ? "column " : "columns ")
                    + String.join(", ", missing) + " needed for " + table.tableName + "; its header is: "
                    + String.join(", ", header) + " (map other names with a column mapping)");
        }
        return new Header(header.size(), result);
    }

    private static List<String> readHeader(Path csv, CsvOptions options) {
        try (CsvRecords records = open(csv, options)) {
            var it = records.iterator();
            if (!it.hasNext()) {
                throw new InvalidInputException(csv + " is empty: expected a header row");
            }
            return it.next().getFields().stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private static CsvRecords open(Path csv, CsvOptions options) throws IOException {
        return new CsvRecords(Files.newInputStream(csv), options.charset(), options.delimiter(), csv.toString());
    }

    private static String columnNames(Table table) {
        return table.columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** What the rows are checked against: ids already in the database. */
    private record Context(LongOpenHashSet users, LongOpenHashSet movies, LongOpenHashSet existing, long maxWatchId) {
        static Context load(Database db, Table table, int[] positions) {
            return switch (table) {
                case MOVIES -> new Context(null, null, ids(db, "movies"), 0);
                case USERS -> new Context(null, null, ids(db, "users"), 0);
                case RATINGS -> new Context(ids(db, "users"), ids(db, "movies"), null, 0);
                case SURVEY_RESPONSES -> new Context(ids(db, "users"), null, null, 0);
                case WATCH_EVENTS -> new Context(ids(db, "users"), ids(db, "movies"), null,
                        positions[table.index("id")] < 0 ? db.withHandle(h -> h.createQuery(
                                "SELECT COALESCE(MAX(id), 0) FROM watch_events").mapTo(Long.class).one()) : 0);
            };
        }

        private static LongOpenHashSet ids(Database db, String table) {
            LongOpenHashSet ids = new LongOpenHashSet();
            db.withHandle(h -> {
                h.createQuery("SELECT id FROM " + table).mapTo(Long.class).forEach(id -> ids.add(id.longValue()));
                return null;
            });
            return ids;
        }
    }

    private static void read(Path csv, Table table, CsvOptions options, Header header, Context context,
                             DataSink sink, Progress progress) {
        int[] positions = header.positions();
        long size;
        CountingInputStream in;
        try {
            size = Files.size(csv);
            in = new CountingInputStream(Files.newInputStream(csv));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        ByteProgress ticker = new ByteProgress(progress, "reading " + csv.getFileName(), size, in);
        try (CsvRecords records = new CsvRecords(in, options.charset(), options.delimiter(), csv.toString())) {
            Row row = new Row(records, table, options, header);
            Long2LongOpenHashMap firstLines = new Long2LongOpenHashMap();
            firstLines.defaultReturnValue(-1);
            long nextWatchId = context.maxWatchId() + 1;
            boolean first = true;
            for (CsvRecord record : records) {
                if (first) {
                    first = false;
                    continue;
                }
                row.set(record);
                switch (table) {
                    case MOVIES -> {
                        long id = row.id("id");
                        row.checkNew("movie", id, context.existing(), firstLines);
                        Movie movie;
                        try {
                            movie = new Movie(id, row.text("title"), row.integer("year"),
                                    row.integer("runtime_minutes"), row.genres("genres"));
                        } catch (InvalidInputException e) {
                            throw records.error(record, e.getMessage());
                        }
                        sink.movie(movie);
                    }
                    case USERS -> {
                        long id = row.id("id");
                        row.checkNew("user", id, context.existing(), firstLines);
                        sink.user(new User(id, row.integer("age"), row.text("gender"), row.text("occupation"),
                                row.text("region")));
                    }
                    case RATINGS -> sink.rating(new Rating(row.user(context), row.movie(context),
                            row.decimal("value"), row.timestamp("rated_at")));
                    case WATCH_EVENTS -> {
                        long id = positions[table.index("id")] < 0 ? nextWatchId++ : row.id("id");
                        sink.watch(new WatchEvent(id, row.user(context), row.movie(context),
                                row.timestamp("started_at"), row.decimal("watched_minutes"),
                                row.integer("runtime_minutes"), row.text("device"), row.bool("completed")));
                    }
                    case SURVEY_RESPONSES -> sink.survey(new SurveyResponse(row.user(context), row.text("question"),
                            row.text("answer")));
                }
                ticker.tick();
            }
        }
        ticker.finish();
    }

    /** The current record, read by target column name with the column's type. */
    private static final class Row {
        private final CsvRecords records;
        private final Table table;
        private final CsvOptions options;
        private final int[] positions;
        private final int width;
        private CsvRecord record;

        Row(CsvRecords records, Table table, CsvOptions options, Header header) {
            this.records = records;
            this.table = table;
            this.options = options;
            this.positions = header.positions();
            this.width = header.width();
        }

        void set(CsvRecord r) {
            if (r.getFieldCount() != width) {
                throw records.error(r, "expected " + width + " fields as in the header, found " + r.getFieldCount());
            }
            this.record = r;
        }

        private DataFormatException error(String reason) {
            return records.error(record, reason);
        }

        private String label(Column c) {
            String header = options.headerFor(c.name());
            return header.equals(c.name()) ? "column '" + c.name() + "'" : "column '" + header + "' (" + c.name() + ")";
        }

        /** The trimmed value, or {@code null} when absent or empty; fails if a required one is. */
        private String raw(Column c) {
            int at = positions[table.index(c.name())];
            String v = at < 0 ? null : record.getField(at).strip();
            if (v == null || v.isEmpty()) {
                if (c.required()) {
                    throw error(label(c) + ": value is missing");
                }
                return null;
            }
            return v;
        }

        private Column column(String name) {
            return table.columns.get(table.index(name));
        }

        private DataFormatException notA(Column c, String value) {
            return error(label(c) + ": '" + value + "' is not " + c.type().description());
        }

        long id(String name) {
            Column c = column(name);
            String v = raw(c);
            if (v == null) {
                throw error(label(c) + ": value is missing");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw notA(c, v);
            }
        }

        Integer integer(String name) {
            Column c = column(name);
            String v = raw(c);
            if (v == null) {
                return null;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw notA(c, v);
            }
        }

        float decimal(String name) {
            Column c = column(name);
            String v = raw(c);
            if (v == null || !isPlainNumber(v)) {
                throw notA(c, v);
            }
            float f = Float.parseFloat(v);
            if (!Float.isFinite(f)) {
                throw error(label(c) + ": '" + v + "' is out of range");
            }
            return f;
        }

        long timestamp(String name) {
            Column c = column(name);
            String v = raw(c);
            try {
                return parseTimestamp(v);
            } catch (DateTimeException | NumberFormatException e) {
                throw notA(c, v);
            }
        }

        boolean bool(String name) {
            Column c = column(name);
            String v = raw(c);
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw notA(c, v);
            };
        }

        String text(String name) {
            Column c = column(name);
            String v = raw(c);
            if (v != null && c.maxLength() > 0 && v.length() > c.maxLength()) {
                throw error(label(c) + ": value of " + v.length() + " characters is longer than the "
                        + c.maxLength() + " allowed");
            }
            return v;
        }

        List<String> genres(String name) {
            String v = raw(column(name));
            return v == null ? List.of() : MovieLens1mReader.splitGenres(v);
        }

        long user(Context context) {
            long id = id("user_id");
            if (!context.users().contains(id)) {
                throw error(label(column("user_id")) + ": user id " + id
                        + " is not in the database (import the users first)");
            }
            return id;
        }

        long movie(Context context) {
            long id = id("movie_id");
            if (!context.movies().contains(id)) {
                throw error(label(column("movie_id")) + ": movie id " + id
                        + " is not in the database (import the movies first)");
            }
            return id;
        }

        /** Fails if {@code id} is already in the database or earlier in the file. */
        void checkNew(String what, long id, LongOpenHashSet existing, Long2LongOpenHashMap firstLines) {
            if (existing.contains(id)) {
                throw error(what + " id " + id + " is already in the database");
            }
            long first = firstLines.putIfAbsent(id, record.getStartingLineNumber());
            if (first >= 0) {
                throw error(what + " id " + id + " appears twice (first on line " + first + ")");
            }
        }
    }

    /** Digits with an optional sign, decimal point and exponent: no NaN, Infinity, hex or suffix. */
    static boolean isPlainNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Epoch seconds from whole-number text, or from ISO-8601: a date-time with an offset
     * ({@code 2024-03-01T20:15:00+01:00}, {@code …Z}), a local date-time taken as UTC
     * ({@code 2024-03-01 20:15:00} or with {@code T}, seconds optional, fractions dropped), or a date
     * taken as midnight UTC.
     *
     * @throws DateTimeException when the text is none of these
     */
    static long parseTimestamp(String text) {
        String s = text.strip();
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '-') && s.lastIndexOf('-') <= 0) {
            return Long.parseLong(s);
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeException ignored) {
            // not with an offset: try the next form
        }
        try {
            return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException ignored) {
            // not a local date-time: try a date
        }
        return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
