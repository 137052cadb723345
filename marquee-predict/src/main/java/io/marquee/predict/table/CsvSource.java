package io.marquee.predict.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A CSV file with a header row, read record by record with FastCSV (RFC 4180 quoting, UTF-8, a
 * byte-order mark skipped, empty lines skipped). FastCSV's own parse and read errors become
 * {@link DataFormatException}s naming the file and line. Records keep their width: callers check
 * the field count against the header.
 */
public final class CsvSource implements Iterable<CsvSource.Row>, AutoCloseable {
    /** One record: its 1-based starting line and its fields. */
    public record Row(long line, List<String> fields) {
    }

    private final String file;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> it;
    private final List<String> header;
    private long lastLine = 1;

    private CsvSource(Path path, InputStream in) {
        this.file = path.toString();
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        this.it = reader.iterator();
        if (!hasNextRecord()) {
            close();
            throw new DataFormatException(file, 1, "the file is empty: a header row is expected");
        }
        CsvRecord h = nextRecord();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String f : h.getFields()) {
            String name = f.strip();
            if (name.isEmpty()) {
                close();
                throw new DataFormatException(file, h.getStartingLineNumber(),
                        "header column " + (names.size() + 1) + " has no name");
            }
            if (!seen.add(name)) {
                close();
                throw new DataFormatException(file, h.getStartingLineNumber(), "header names column '" + name + "' twice");
            }
            names.add(name);
        }
        this.header = List.copyOf(names);
    }

    /** Opens a CSV file and reads its header. */
    public static CsvSource open(Path path) {
        try {
            return new CsvSource(path, Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            throw new io.marquee.core.error.NotFoundException("CSV file " + path + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV from a stream (closed with this source); {@code name} is used in messages. */
    public static CsvSource open(InputStream in, String name) {
        return new CsvSource(Path.of(name), in);
    }

    /** The file's name as messages show it. */
    public String file() {
        return file;
    }

    /** The header's column names. */
    public List<String> header() {
        return header;
    }

    /** A format error at a line of this file. */
    public DataFormatException error(long line, String reason) {
        return new DataFormatException(file, line, reason);
    }

    private boolean hasNextRecord() {
        try {
            return it.hasNext();
        } catch (CsvParseException | UncheckedIOException e) {
            throw failure(e);
        }
    }

    private CsvRecord nextRecord() {
        try {
            CsvRecord r = it.next();
            lastLine = r.getStartingLineNumber();
            return r;
        } catch (CsvParseException | UncheckedIOException e) {
            throw failure(e);
        }
    }

    private DataFormatException failure(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new DataFormatException(file, lastLine + 1,
                (e instanceof CsvParseException ? "malformed CSV: " : "cannot read: ") + msg, e);
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hasNextRecord();
            }

            @Override
            public Row next() {
                if (!hasNextRecord()) {
                    throw new NoSuchElementException();
                }
                CsvRecord r = nextRecord();
                return new Row(r.getStartingLineNumber(), r.getFields());
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read only: nothing is lost
        }
    }
}
