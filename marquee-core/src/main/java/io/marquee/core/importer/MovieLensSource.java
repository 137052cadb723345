package io.marquee.core.importer;

import io.marquee.core.data.DataSink;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.MarqueeException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A MovieLens data set on disk: a directory, or a zip as GroupLens distributes it (files under a
 * top folder such as {@code ml-100k/}, read in place without extracting). Opening it detects the
 * format ({@link MovieLensFormat}) from the file names; {@link #readInto} then streams films,
 * viewers and ratings to a {@link DataSink} without holding the ratings in memory.
 *
 * <p>Bad input fails with a {@link io.marquee.core.error.DataFormatException} naming the file
 * (its path, or {@code data.zip!/ml-100k/u.data}), the 1-based line and the reason.
 *
 * <p>A source holds the zip file open: close it when done.
 */
public final class MovieLensSource implements AutoCloseable {
    private final Path path;
    private final SourceFiles files;
    private final MovieLensFormat format;
    private String fingerprint;

    private MovieLensSource(Path path, SourceFiles files, MovieLensFormat format) {
        this.path = path;
        this.files = files;
        this.format = format;
    }

    /**
     * Opens a MovieLens directory or zip and detects its format.
     *
     * @throws NotFoundException     when {@code path} does not exist
     * @throws InvalidInputException when it is neither a directory nor a zip, holds no MovieLens
     *                               data (the message lists the files each format expects and
     *                               those found), or lacks one of its format's files
     */
    public static MovieLensSource open(Path path) {
        Objects.requireNonNull(path, "path");
        SourceFiles files = SourceFiles.open(path, names -> MovieLensFormat.detect(names) != null);
        try {
            MovieLensFormat format = MovieLensFormat.detect(files.names());
            if (format == null) {
                throw new InvalidInputException(path + " holds no MovieLens data: expected "
                        + expectations() + "; found " + found(files));
            }
            List<String> missing = format.requiredFiles().stream().filter(f -> !files.has(f)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(path + " looks like " + format.label() + " but lacks "
                        + String.join(", ", missing) + ": expected " + String.join(", ", format.requiredFiles())
                        + "; found " + found(files));
            }
            return new MovieLensSource(path, files, format);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    private static String expectations() {
        return Stream.of(MovieLensFormat.values())
                .map(f -> String.join(", ", f.requiredFiles()) + " (" + f.label() + ")")
                .collect(Collectors.joining(", or "));
    }

    private static String found(SourceFiles files) {
        if (files.names().isEmpty()) {
            return "no files";
        }
        List<String> names = new ArrayList<>(files.names());
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), 20)));
        return names.size() > 20 ? shown + ", … (" + names.size() + " files)" : shown;
    }

    /** The directory or zip this source reads. */
    public Path path() {
        return path;
    }

    /** The detected format; {@code format().id()} is the import kind, e.g. {@code movielens-100k}. */
    public MovieLensFormat format() {
        return format;
    }

    /** The plain names of the files this source reads, in the order it reads them. */
    public List<String> files() {
        return format.files().stream().filter(files::has).toList();
    }

    /**
     * SHA-256 (hex) of the content of the files this source reads: the SHA-256 of the lines
     * {@code <name> <sha256 of the file's bytes>}, one per file in {@link #files()} order. It depends
     * on the files' names and bytes only, so the same data as a directory and as a zip has the same
     * fingerprint. Computed on first call (one pass over the files) and kept.
     */
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            MessageDigest all = Hashing.sha256();
            for (String name : files()) {
                MessageDigest one = Hashing.sha256();
                try (InputStream in = files.open(name)) {
                    Hashing.update(one, in);
                } catch (IOException e) {
                    throw cannotRead(name, e);
                }
                Hashing.update(all, name + " " + Hashing.hex(one) + "\n");
            }
            fingerprint = Hashing.hex(all);
        }
        return fingerprint;
    }

    /** Streams the whole data set to {@code sink}; see {@link #readInto(DataSink, Progress)}. */
    public void readInto(DataSink sink) {
        readInto(sink, Progress.NONE);
    }

    /**
     * Streams the whole data set to {@code sink}: films (with their genres), then viewers, then
     * ratings, each after the rows it refers to. Does not call {@link DataSink#flush()}.
     *
     * @param progress told about the ratings file, in bytes
     * @throws io.marquee.core.error.DataFormatException at the first bad line
     */
    public void readInto(DataSink sink, Progress progress) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        try {
            MovieLensReader.of(format, files, sink, progress).read();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private MarqueeException cannotRead(String name, IOException e) {
        return new InvalidInputException("cannot read " + files.display(name) + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        files.close();
    }

    @Override
    public String toString() {
        return format.id() + " at " + path;
    }
}
