package io.marquee.core.importer;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a data set, addressed by their plain names ({@code u.data}, {@code ratings.csv}),
 * whether they sit in a directory or in a zip file. A zip is read in place with
 * {@link ZipFile}, never extracted; its files may sit under a top folder ({@code ml-100k/u.data}),
 * as in the zips GroupLens distributes.
 */
abstract class SourceFiles implements Closeable {
    private final Path location;

    SourceFiles(Path location) {
        this.location = location;
    }

    /**
     * Opens a directory or a zip file.
     *
     * @param path        the directory or zip
     * @param recognises  true for a set of plain file names that holds a data set; decides, in a
     *                    zip, which folder is the data set's (the shallowest one recognised)
     * @throws NotFoundException     when nothing is at {@code path}
     * @throws InvalidInputException when {@code path} is neither a directory nor a readable zip
     */
    static SourceFiles open(Path path, Predicate<Set<String>> recognises) {
        if (!Files.exists(path)) {
            throw new NotFoundException("no such file or directory: " + path);
        }
        if (Files.isDirectory(path)) {
            return new Directory(path);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new InvalidInputException(path + " is neither a directory nor a zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return Zip.of(path, zip, recognises);
    }

    /** The directory or zip file. */
    final Path location() {
        return location;
    }

    /** Plain names of the files present, sorted. */
    abstract SortedSet<String> names();

    /** Whether a file of that plain name is present. */
    final boolean has(String name) {
        return names().contains(name);
    }

    /** Opens a file for reading; the caller closes the stream. */
    abstract InputStream open(String name) throws IOException;

    /** Size in bytes of a present file. */
    abstract long size(String name) throws IOException;

    /**
     * How to name a file in messages: the file's path for a directory,
     * {@code data.zip!/ml-100k/u.data} for a zip.
     */
    abstract String display(String name);

    @Override
    public void close() {
    }

    /** A plain directory: only its direct regular files count. */
    static final class Directory extends SourceFiles {
        private final SortedSet<String> names;

        Directory(Path dir) {
            super(dir);
            try (Stream<Path> list = Files.list(dir)) {
                names = Collections.unmodifiableSortedSet(list.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.toCollection(TreeSet::new)));
            } catch (IOException e) {
                throw new InvalidInputException("cannot list directory " + dir + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new InvalidInputException("cannot list directory " + dir + ": " + e.getCause().getMessage(), e);
            }
        }

        @Override
        SortedSet<String> names() {
            return names;
        }

        @Override
        InputStream open(String name) throws IOException {
            return Files.newInputStream(location().resolve(name));
        }

        @Override
        long size(String name) throws IOException {
            return Files.size(location().resolve(name));
        }

        @Override
        String display(String name) {
            return location().resolve(name).toString();
        }
    }

    /** A zip file; the data set's files are those of one folder inside it. */
    static final class Zip extends SourceFiles {
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries;
        private final SortedSet<String> names;

        private Zip(Path path, ZipFile zip, Map<String, ZipEntry> entries) {
            super(path);
            this.zip = zip;
            this.entries = entries;
            this.names = Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
        }

        static Zip of(Path path, ZipFile zip, Predicate<Set<String>> recognises) {
            // folder inside the zip ("" for the root, else "ml-100k/") -> plain name -> entry
            Map<String, Map<String, ZipEntry>> folders = new HashMap<>();
            try {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry e = all.nextElement();
                    String name = e.getName();
                    if (e.isDirectory() || name.startsWith("__MACOSX/")) {
                        continue;
                    }
                    int slash = name.lastIndexOf('/');
                    String folder = name.substring(0, slash + 1);
                    folders.computeIfAbsent(folder, f -> new TreeMap<>()).put(name.substring(slash + 1), e);
                }
            } catch (RuntimeException e) {
                closeQuietly(zip);
                throw new InvalidInputException("cannot read zip file " + path + ": " + e.getMessage(), e);
            }
            List<String> candidates = new ArrayList<>(folders.keySet());
            candidates.sort(Comparator.comparingInt((String f) -> f.split("/", -1).length).thenComparing(f -> f));
            String chosen = candidates.stream()
                    .filter(f -> recognises.test(folders.get(f).keySet()))
                    .findFirst()
                    .orElse(candidates.isEmpty() ? "" : candidates.get(0));
            return new Zip(path, zip, folders.getOrDefault(chosen, Map.of()));
        }

        @Override
        SortedSet<String> names() {
            return names;
        }

        @Override
        InputStream open(String name) throws IOException {
            ZipEntry e = entries.get(name);
            if (e == null) {
                throw new NotFoundException("no file " + name + " in " + location());
            }
            return zip.getInputStream(e);
        }

        @Override
        long size(String name) {
            ZipEntry e = entries.get(name);
            return e == null ? -1 : e.getSize();
        }

        @Override
        String display(String name) {
            ZipEntry e = entries.get(name);
            return location() + "!/" + (e == null ? name : e.getName());
        }

        @Override
        public void close() {
            closeQuietly(zip);
        }

        private static void closeQuietly(ZipFile zip) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // only read from: nothing is lost if closing fails
            }
        }
    }
}
