package io.marquee.core.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.marquee.core.error.DataFormatException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * Reads CSV records with FastCSV (RFC 4180 quoting, CRLF/LF/CR, byte-order mark skipped, empty
 * lines skipped, records of any width) and turns FastCSV's own parse and read errors into
 * {@link DataFormatException}s that name the file and the line after the last good record.
 * Callers check field counts themselves, so that the message says what was expected.
 */
final class CsvRecords implements Iterable<CsvRecord>, AutoCloseable {
    private final CsvReader<CsvRecord> reader;
    private final String file;
    private long lastLine;

    /**
     * @param in        the file's bytes; closed with this reader
     * @param charset   the file's encoding
     * @param delimiter the field separator
     * @param file      the file's name in messages
     */
    CsvRecords(InputStream in, Charset charset, char delimiter, String file) {
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(in, charset);
        this.file = file;
    }

    /** The file's name as messages show it. */
    String file() {
        return file;
    }

    /** A format error at a record's (first) line. */
    DataFormatException error(CsvRecord record, String reason) {
        return new DataFormatException(file, record.getStartingLineNumber(), reason);
    }

    @Override
    public Iterator<CsvRecord> iterator() {
        Iterator<CsvRecord> it = reader.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (CsvParseException | UncheckedIOException e) {
                    throw failure(e);
                }
            }

            @Override
            public CsvRecord next() {
                try {
                    CsvRecord record = it.next();
                    lastLine = record.getStartingLineNumber();
                    return record;
                } catch (CsvParseException | UncheckedIOException e) {
                    throw failure(e);
                }
            }
        };
    }

    private DataFormatException failure(RuntimeException e) {
        String what = e instanceof CsvParseException ? "malformed CSV: " : "cannot read: ";
        return new DataFormatException(file, lastLine + 1, what + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (java.io.IOException ignored) {
            // only read from: nothing is lost if closing fails
        }
    }
}
