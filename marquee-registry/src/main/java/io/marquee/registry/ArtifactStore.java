package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.store.Database;
import io.marquee.core.store.Dialect;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed store of model artifacts (directories in {@link ModelArchive} format), kept
 * beside the database:
 *
 * <pre>
 * &lt;root&gt;/
 *   3f/3fa2…e9/manifest.json, user_factors.f32, …   one directory per artifact
 *   .tmp/                                          copies in progress
 * </pre>
 *
 * <p>An artifact's address is the sha256 of its {@code manifest.json} bytes; the manifest in turn
 * lists the sha256 of every array file, so the address covers the whole content. {@link #put}
 * verifies the model, copies it under {@code .tmp/} and renames it into place, so a reader never
 * sees half an artifact; putting the same content twice stores it once. {@link #open} checks the
 * manifest against the address and every array against the manifest, and refuses a missing
 * artifact ({@link NotFoundException}) or a corrupted one ({@link ModelArchive.CorruptModelException}).
 *
 * <p>Thread-safe; several processes may share a store (renames are atomic), but only one should
 * run {@link #collectGarbage}.
 */
public final class ArtifactStore {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String MANIFEST = "manifest.json";
    private static final String TMP = ".tmp";

    private final Path root;

    private ArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A store rooted at {@code root} (created when first written). */
    public static ArtifactStore at(Path root) {
        return new ArtifactStore(Objects.requireNonNull(root, "root"));
    }

    /**
     * The store of a database: {@code configured} when given, else {@link #defaultRoot}.
     *
     * @throws InvalidInputException when no directory is configured and the database is not a SQLite file
     */
    public static ArtifactStore forDatabase(Database db, Path configured) {
        return at(configured != null ? configured : defaultRoot(db));
    }

    /**
     * The default artifact directory of a database: for the SQLite file {@code /data/marquee.db} it
     * is {@code /data/marquee.artifacts}. PostgreSQL and in-memory SQLite have no default; configure one.
     */
    public static Path defaultRoot(Database db) {
        if (db.dialect() == Dialect.SQLITE) {
            Path file = Database.sqliteFile(db.url());
            if (file != null) {
                Path abs = file.toAbsolutePath().normalize();
                String name = abs.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String stem = dot > 0 ? name.substring(0, dot) : name;
                return abs.resolveSibling(stem + ".artifacts");
            }
        }
        throw InvalidInputException.of("artifact directory", null, "configured for database " + db.url()
                + " (only a SQLite file has a default: the directory beside it)");
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /**
     * Verifies the model directory and stores a copy of it; returns its address (the sha256 of its
     * manifest). Storing content that is already present is a no-op; a present but damaged copy is
     * replaced.
     *
     * @throws NotFoundException                  when {@code modelDir} has no manifest or lacks an array
     * @throws ModelArchive.CorruptModelException when an array does not match the manifest
     */
    public String put(Path modelDir) {
        ModelArchive.read(modelDir); // refuses a missing or corrupted source
        byte[] manifest = readManifest(modelDir);
        String hash = ModelArchive.sha256(manifest);
        Path target = path(hash);
        if (isIntact(hash)) {
            return hash;
        }
        Path tmpRoot = root.resolve(TMP);
        Path tmp = tmpRoot.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(tmpRoot);
            copyTree(modelDir, tmp);
            Files.createDirectories(target.getParent());
            try {
                move(tmp, target);
            } catch (IOException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
                if (isIntact(hash)) { // another writer stored the same content meanwhile
                    deleteTree(tmp);
                    return hash;
                }
                Path trash = tmpRoot.resolve("trash-" + UUID.randomUUID());
                move(target, trash);
                move(tmp, target);
                deleteTree(trash);
            }
        } catch (IOException e) {
            deleteTree(tmp);
            throw new StorageException("cannot store artifact " + hash + " from " + modelDir + " in " + root + ": "
                    + e.getMessage(), e);
        }
        return hash;
    }

    /** Whether an artifact directory exists for the address (not verified). */
    public boolean contains(String hash) {
        return Files.isRegularFile(path(hash).resolve(MANIFEST));
    }

    /** Where the artifact lives: {@code <root>/<first two hex digits>/<hash>} (not verified). */
    public Path path(String hash) {
        checkHash(hash);
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    /**
     * Opens an artifact after checking it: the manifest's sha256 must equal the address and every
     * array file must match the manifest.
     *
     * @throws NotFoundException                  when the artifact or one of its files is missing
     * @throws ModelArchive.CorruptModelException when a file's content does not match
     */
    public ModelArchive.Contents open(String hash) {
        Path dir = path(hash);
        byte[] manifest;
        try {
            manifest = Files.readAllBytes(dir.resolve(MANIFEST));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("artifact " + hash + " is missing: no " + dir.resolve(MANIFEST));
        } catch (IOException e) {
            throw new StorageException("cannot read artifact " + hash + ": " + e.getMessage(), e);
        }
        String actual = ModelArchive.sha256(manifest);
        if (!actual.equals(hash)) {
            throw new ModelArchive.CorruptModelException("artifact " + hash + " is corrupted: its manifest's sha256 is "
                    + actual);
        }
        try {
            return ModelArchive.read(dir);
        } catch (ModelArchive.CorruptModelException e) {
            throw new ModelArchive.CorruptModelException("artifact " + hash + " is corrupted: " + e.getMessage());
        } catch (NotFoundException e) {
            throw new NotFoundException("artifact " + hash + " is incomplete: " + e.getMessage());
        }
    }

    /** Checks an artifact as {@link #open} does, discarding the contents. */
    public void verify(String hash) {
        open(hash);
    }

    /** Deletes an artifact; returns whether it existed. */
    public boolean delete(String hash) {
        Path dir = path(hash);
        if (!Files.exists(dir)) {
            return false;
        }
        // rename first so that a concurrent reader sees either the whole artifact or none of it
        Path trash = root.resolve(TMP).resolve("trash-" + UUID.randomUUID());
        try {
            Files.createDirectories(trash.getParent());
            move(dir, trash);
        } catch (IOException e) {
            throw new StorageException("cannot delete artifact " + hash + ": " + e.getMessage(), e);
        }
        deleteTree(trash);
        return true;
    }

    /** Addresses of every stored artifact, sorted. */
    public Set<String> hashes() {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> prefixes = Files.list(root)) {
            for (Path prefix : prefixes.filter(Files::isDirectory).toList()) {
                if (prefix.getFileName().toString().equals(TMP)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.list(prefix)) {
                    dirs.map(p -> p.getFileName().toString()).filter(n -> HASH.matcher(n).matches()).forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list artifacts in " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Deletes every artifact not in {@code referenced} that is older than {@code minAge} (a younger
     * one may be between {@link #put} and its registration in another process), and temporary copies
     * older than {@code minAge} (left by a crash). Returns the deleted addresses.
     */
    public List<String> collectGarbage(Set<String> referenced, Duration minAge) {
        Instant cutoff = Instant.now().minus(minAge);
        List<String> deleted = new ArrayList<>();
        for (String h : hashes()) {
            if (!referenced.contains(h) && olderThan(path(h), cutoff)) {
                delete(h);
                deleted.add(h);
            }
        }
        Path tmpRoot = root.resolve(TMP);
        if (Files.isDirectory(tmpRoot)) {
            try (Stream<Path> s = Files.list(tmpRoot)) {
                for (Path p : s.toList()) {
                    if (olderThan(p, cutoff)) {
                        deleteTree(p);
                    }
                }
            } catch (IOException e) {
                throw new StorageException("cannot clean " + tmpRoot + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    private static boolean olderThan(Path p, Instant cutoff) {
        try {
            return !Files.getLastModifiedTime(p).toInstant().isAfter(cutoff);
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: leave it
        }
    }

    private boolean isIntact(String hash) {
        if (!contains(hash)) {
            return false;
        }
        try {
            open(hash);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw InvalidInputException.of("artifact hash", hash == null ? null : "'" + hash + "'",
                    "64 lower-case hex digits");
        }
    }

    private static byte[] readManifest(Path modelDir) {
        try {
            return Files.readAllBytes(modelDir.resolve(MANIFEST));
        } catch (IOException e) {
            throw new StorageException("cannot read " + modelDir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }

    /** Copies a directory tree, forcing each file to disk, so the rename publishes durable content. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path src : walk.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                    try (FileChannel ch = FileChannel.open(dst, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: garbage collection removes leftovers
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
