package io.marquee.predict.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.calibrate.Calibrator;
import io.marquee.predict.classify.Classifier;
import io.marquee.predict.classify.Classifiers;
import io.marquee.predict.features.FeaturePipeline;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.Table;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployable tabular classifier: the fitted {@link FeaturePipeline}, the {@link Classifier},
 * the {@link Calibrator} and the decision threshold, with the target's name and labels. Immutable
 * and thread-safe. Saved as one model directory ({@link ModelArchive}, kind {@code tabular}): the
 * pipeline, calibrator, threshold and labels in the manifest's metadata, the classifier's arrays
 * beside it.
 */
public final class TabularModel implements Model {
    /** The manifest's {@code meta.kind} of a tabular model. */
    public static final String KIND = "tabular";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeaturePipeline pipeline;
    private final Classifier classifier;
    private final Calibrator calibrator;
    private final double threshold;
    private final String target;
    private final String positiveLabel;
    private final String negativeLabel;
    private final Map<String, Object> info;

    /**
     * @param info free-form training information kept in the manifest (options, validation
     *             metrics, notes); JSON-friendly values only
     */
    public TabularModel(FeaturePipeline pipeline, Classifier classifier, Calibrator calibrator, double threshold,
                        String target, String positiveLabel, String negativeLabel, Map<String, Object> info) {
        if (pipeline.width() != classifier.features()) {
            throw InvalidInputException.of("classifier width", classifier.features(),
                    "the pipeline's " + pipeline.width() + " features");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw InvalidInputException.of("threshold", threshold, "in [0, 1]");
        }
        this.pipeline = pipeline;
        this.classifier = classifier;
        this.calibrator = calibrator;
        this.threshold = threshold;
        this.target = target;
        this.positiveLabel = positiveLabel;
        this.negativeLabel = negativeLabel;
        this.info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** The input columns a request or CSV row must fit. */
    public Schema schema() {
        return pipeline.schema();
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public Classifier classifier() {
        return classifier;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    /** Rows with a calibrated probability at or above this are called positive. */
    public double threshold() {
        return threshold;
    }

    /** Name of the target column the model predicts. */
    public String target() {
        return target;
    }

    public String positiveLabel() {
        return positiveLabel;
    }

    public String negativeLabel() {
        return negativeLabel;
    }

    /** Training information recorded with the model. */
    public Map<String, Object> info() {
        return info;
    }

    /** Calibrated probabilities of the positive class for every row of a table. */
    public double[] predictProba(Table table) {
        return predictProba(pipeline.transform(table));
    }

    /** Calibrated probabilities for rows already transformed by {@link #pipeline()}. */
    public double[] predictProba(FloatMatrix features) {
        double[] p = classifier.predictProba(features);
        for (int i = 0; i < p.length; i++) {
            p[i] = calibrator.apply(p[i]);
        }
        return p;
    }

    /**
     * The prediction for one request row (field → value). A field of the wrong type, a missing
     * required field or a field the model does not know is an {@link InvalidInputException}
     * naming the field and the value.
     */
    public RowPrediction predictRow(Map<String, ?> row) {
        Map<String, Object> fields = new LinkedHashMap<>(row);
        fields.remove(target); // a row may carry its known outcome: it is ignored
        return decide(predictProba(Table.ofRow(schema(), fields))[0]);
    }

    /** The decision for a probability. */
    public RowPrediction decide(double probability) {
        boolean pos = probability >= threshold;
        return new RowPrediction(probability, pos, pos ? positiveLabel : negativeLabel);
    }

    @Override
    public ModelProvenance provenance() {
        return classifier.provenance();
    }

    @Override
    public TrainingSummary summary() {
        return classifier.summary();
    }

    /** Writes the model to a directory (replacing a model there). */
    public Path save(Path dir) {
        ModelArchive.Writer w = ModelArchive.writer(provenance(), summary());
        w.meta("kind", KIND);
        writeTo(w);
        return w.writeTo(dir);
    }

    /** Adds this model's parts to an archive being written (used by composite models too). */
    public void writeTo(ModelArchive.Writer w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("positive_label", positiveLabel);
        m.put("negative_label", negativeLabel);
        m.put("threshold", threshold);
        m.put("calibrator", calibrator.toMap());
        m.put("pipeline", pipeline.toMap());
        w.meta("tabular", m);
        w.meta("training", info);
        classifier.writeTo(w);
    }

    /** Reads a model saved by {@link #save}. */
    public static TabularModel load(Path dir) {
        ModelArchive.Contents c = ModelArchive.read(dir);
        String kind = c.meta("kind").asText();
        if (!KIND.equals(kind)) {
            throw InvalidInputException.of("model kind of " + dir, "'" + kind + "'", "'" + KIND + "'");
        }
        return read(c);
    }

    /** Reads the parts written by {@link #writeTo}. */
    @SuppressWarnings("unchecked")
    public static TabularModel read(ModelArchive.Contents c) {
        Map<String, Object> m = JSON.convertValue(c.meta("tabular"), Map.class);
        if (m == null) {
            throw new InvalidInputException("model " + c.dir() + " holds no tabular model");
        }
        Map<String, Object> info = c.meta("training").isMissingNode() ? Map.of()
                : JSON.convertValue(c.meta("training"), Map.class);
        return new TabularModel(FeaturePipeline.fromMap((Map<String, Object>) m.get("pipeline")), Classifiers.read(c),
                Calibrator.fromMap((Map<String, Object>) m.get("calibrator")),
                ((Number) m.get("threshold")).doubleValue(), (String) m.get("target"),
                (String) m.get("positive_label"), (String) m.get("negative_label"),
                info == null ? Map.of() : nonNull(info));
    }

    private static Map<String, Object> nonNull(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "TabularModel[" + classifier.algo().id() + ", target " + target + ", " + pipeline + ", calibration "
                + calibrator.kind() + ", threshold " + threshold + "]";
    }
}
