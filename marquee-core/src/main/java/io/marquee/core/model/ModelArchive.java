package io.marquee.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Marquee's own model format: a directory holding {@code manifest.json} and one raw little-endian
 * binary file per array. The manifest records the format version, the model's provenance and
 * training summary, free-form metadata, and for each array its file, element type, shape and
 * sha256. Never Java serialization.
 *
 * <p>Writing builds the whole directory under a temporary name beside the target and renames it
 * into place, so a reader never sees half a model. Reading checks every array's sha256 and refuses
 * a missing or corrupted file with a message naming it.
 *
 * <pre>
 * manifest.json
 * {
 *   "format": "marquee-model", "format_version": 1,
 *   "provenance": {"algorithm": "mf", "params": {...}, "seed": 42, "data_fingerprint": "…",
 *                  "trained_at": "2026-11-21T22:00:00Z", "code_version": "0.1.0"},
 *   "summary": {"epoch_loss": [...], "wall_seconds": 0.8},
 *   "meta": {...},
 *   "arrays": {"user_factors": {"file": "user_factors.f32", "dtype": "float32",
 *                               "shape": [943, 100], "sha256": "…"}}
 * }
 * </pre>
 */
public final class ModelArchive {
    /** Format name written to every manifest. */
    public static final String FORMAT = "marquee-model";
    /** Current format version. */
    public static final int FORMAT_VERSION = 1;
    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArchive() {
    }

    /** Collects the parts of a model to write. */
    public static Writer writer(ModelProvenance provenance, TrainingSummary summary) {
        return new Writer(provenance, summary);
    }

    /** Reads and verifies a model directory. */
    public static Contents read(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NotFoundException("model directory " + dir + " has no " + MANIFEST);
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("model manifest " + manifestFile + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new InvalidInputException("model manifest " + manifestFile + ": format must be '" + FORMAT
                    + "', was '" + manifest.path("format").asText() + "'");
        }
        int version = manifest.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new InvalidInputException("model manifest " + manifestFile + ": format_version " + version
                    + " is not supported (this build reads " + FORMAT_VERSION + ")");
        }
        Map<String, ByteBuffer> arrays = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = manifest.path("arrays").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = dir.resolve(e.getValue().path("file").asText());
            if (!file.normalize().startsWith(dir.normalize())) {
                throw new InvalidInputException("model manifest names a file outside its directory: " + file);
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException ex) {
                throw new NotFoundException("model array file " + file + " is missing");
            } catch (IOException ex) {
                throw new StorageException("cannot read model array file " + file + ": " + ex.getMessage(), ex);
            }
            String expected = e.getValue().path("sha256").asText();
            String actual = sha256(bytes);
            if (!actual.equals(expected)) {
                throw new CorruptModelException("model array file " + file + " is corrupted: sha256 " + actual
                        + " does not match the manifest's " + expected);
            }
            arrays.put(e.getKey(), ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        }
        return new Contents(dir, manifest, arrays);
    }

    /** Raised when a model file's checksum does not match its manifest. */
    public static final class CorruptModelException extends InvalidInputException {
        public CorruptModelException(String message) {
            super(message);
        }
    }

    /** Builder of a model directory. */
    public static final class Writer {
        private final ObjectNode manifest = JSON.createObjectNode();
        private final ObjectNode meta;
        private final ObjectNode arraysNode;
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        private Writer(ModelProvenance p, TrainingSummary s) {
            manifest.put("format", FORMAT);
            manifest.put("format_version", FORMAT_VERSION);
            ObjectNode prov = manifest.putObject("provenance");
            prov.put("algorithm", p.algorithm());
            prov.set("params", JSON.valueToTree(p.params()));
            prov.put("seed", p.seed());
            prov.put("data_fingerprint", p.dataFingerprint());
            prov.put("trained_at", p.trainedAt().toString());
            prov.put("code_version", p.codeVersion());
            ObjectNode sum = manifest.putObject("summary");
            sum.set("epoch_loss", JSON.valueToTree(s.epochLoss()));
            sum.put("wall_seconds", s.wallSeconds());
            meta = manifest.putObject("meta");
            arraysNode = manifest.putObject("arrays");
        }

        /** Free-form metadata (counts, flags, names) stored in the manifest. */
        public Writer meta(String key, Object value) {
            meta.set(key, JSON.valueToTree(value));
            return this;
        }

        public Writer floats(String name, float[] data, int... shape) {
            ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(data);
            return add(name, "float32", "f32", b.array(), shape.length == 0 ? new int[] {data.length} : shape);
        }

        public Writer doubles(String name, double[] data, int... shape) {
            ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(data);
            return add(name, "float64", "f64", b.array(), shape.length == 0 ? new int[] {data.length} : shape);
        }

        public Writer ints(String name, int[] data, int... shape) {
            ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asIntBuffer().put(data);
            return add(name, "int32", "i32", b.array(), shape.length == 0 ? new int[] {data.length} : shape);
        }

        public Writer longs(String name, long[] data, int... shape) {
            ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asLongBuffer().put(data);
            return add(name, "int64", "i64", b.array(), shape.length == 0 ? new int[] {data.length} : shape);
        }

        private Writer add(String name, String dtype, String ext, byte[] bytes, int[] shape) {
            if (!name.matches("[a-z0-9_]+")) {
                throw InvalidInputException.of("array name", name, "lower-case letters, digits and _");
            }
            if (files.containsKey(name)) {
                throw new InvalidInputException("array '" + name + "' added twice");
            }
            String file = name + "." + ext;
            ObjectNode a = arraysNode.putObject(name);
            a.put("file", file);
            a.put("dtype", dtype);
            a.set("shape", JSON.valueToTree(shape));
            a.put("sha256", sha256(bytes));
            files.put(file, bytes);
            return this;
        }

        /**
         * Writes the model to {@code dir}: built under a temporary name beside it, then renamed into
         * place. An existing model directory at {@code dir} is replaced.
         */
        public Path writeTo(Path dir) {
            Path target = dir.toAbsolutePath().normalize();
            Path parent = target.getParent();
            try {
                Files.createDirectories(parent);
                Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
                try {
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        Files.write(tmp.resolve(f.getKey()), f.getValue());
                    }
                    try (OutputStream out = Files.newOutputStream(tmp.resolve(MANIFEST))) {
                        JSON.writeValue(out, manifest);
                    }
                    if (Files.exists(target)) {
                        if (!Files.isRegularFile(target.resolve(MANIFEST)) && !isEmptyDirectory(target)) {
                            throw new InvalidInputException("output " + target
                                    + " exists and is not a model directory; refusing to replace it");
                        }
                        Path old = parent.resolve("." + target.getFileName() + ".old-" + Instant.now().toEpochMilli());
                        move(target, old);
                        move(tmp, target);
                        deleteRecursively(old);
                    } else {
                        move(tmp, target);
                    }
                } catch (IOException | RuntimeException e) {
                    deleteRecursively(tmp);
                    throw e;
                }
            } catch (IOException e) {
                throw new StorageException("cannot write model to " + target + ": " + e.getMessage(), e);
            }
            return target;
        }
    }

    /** A verified model directory: its manifest and arrays. */
    public static final class Contents {
        private final Path dir;
        private final JsonNode manifest;
        private final Map<String, ByteBuffer> arrays;

        private Contents(Path dir, JsonNode manifest, Map<String, ByteBuffer> arrays) {
            this.dir = dir;
            this.manifest = manifest;
            this.arrays = arrays;
        }

        public Path dir() {
            return dir;
        }

        /** The algorithm recorded in the provenance. */
        public String algorithm() {
            return manifest.path("provenance").path("algorithm").asText();
        }

        /** The provenance as written. */
        public ModelProvenance provenance() {
            JsonNode p = manifest.path("provenance");
            @SuppressWarnings("unchecked")
            Map<String, Object> params = JSON.convertValue(p.path("params"), LinkedHashMap.class);
            return new ModelProvenance(p.path("algorithm").asText(), params, p.path("seed").asLong(),
                    p.path("data_fingerprint").asText(), Instant.parse(p.path("trained_at").asText()),
                    p.path("code_version").asText());
        }

        /** The training summary as written. */
        public TrainingSummary summary() {
            JsonNode s = manifest.path("summary");
            double[] loss = JSON.convertValue(s.path("epoch_loss"), double[].class);
            return new TrainingSummary(loss == null ? new double[0] : loss, s.path("wall_seconds").asDouble());
        }

        /** A metadata value, or a missing node. */
        public JsonNode meta(String key) {
            return manifest.path("meta").path(key);
        }

        public float[] floats(String name) {
            ByteBuffer b = array(name, "float32");
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        }

        public double[] doubles(String name) {
            ByteBuffer b = array(name, "float64");
            double[] out = new double[b.remaining() / 8];
            b.asDoubleBuffer().get(out);
            return out;
        }

        public int[] ints(String name) {
            ByteBuffer b = array(name, "int32");
            int[] out = new int[b.remaining() / 4];
            b.asIntBuffer().get(out);
            return out;
        }

        public long[] longs(String name) {
            ByteBuffer b = array(name, "int64");
            long[] out = new long[b.remaining() / 8];
            b.asLongBuffer().get(out);
            return out;
        }

        /** Shape recorded for an array. */
        public int[] shape(String name) {
            return JSON.convertValue(manifest.path("arrays").path(name).path("shape"), int[].class);
        }

        private ByteBuffer array(String name, String dtype) {
            ByteBuffer b = arrays.get(name);
            if (b == null) {
                throw new InvalidInputException("model " + dir + " has no array '" + name + "'");
            }
            String actual = manifest.path("arrays").path(name).path("dtype").asText();
            if (!dtype.equals(actual)) {
                throw new InvalidInputException("model " + dir + ": array '" + name + "' is " + actual
                        + ", expected " + dtype);
            }
            return b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Hex sha256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
