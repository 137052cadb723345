package io.marquee.predict.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import java.nio.file.Path;
import java.util.Map;

/** Saving and loading any {@link Classifier} on its own (a tabular model saves it inside its own archive). */
public final class Classifiers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Classifiers() {
    }

    /** Writes a classifier to a model directory (replacing one that is there). */
    public static Path save(Classifier c, Path dir) {
        ModelArchive.Writer w = ModelArchive.writer(c.provenance(), c.summary());
        c.writeTo(w);
        return w.writeTo(dir);
    }

    /** Reads a classifier saved by {@link #save}. */
    public static Classifier load(Path dir) {
        return read(ModelArchive.read(dir));
    }

    /** Reads the classifier part of an archive (the metadata key {@code classifier} and the {@code clf_} arrays). */
    @SuppressWarnings("unchecked")
    public static Classifier read(ModelArchive.Contents c) {
        if (c.meta("classifier").isMissingNode()) {
            throw new InvalidInputException("model " + c.dir() + " holds no classifier");
        }
        Map<String, Object> meta = JSON.convertValue(c.meta("classifier"), Map.class);
        Algo algo = Algo.of(String.valueOf(meta.get("algo")));
        return switch (algo) {
            case GBDT -> GbdtClassifier.read(c, meta);
            case RF, EXTRATREES, TREE -> TreeEnsemble.read(c, meta, algo);
            case LOGREG -> LogisticModel.read(c, meta);
        };
    }
}
