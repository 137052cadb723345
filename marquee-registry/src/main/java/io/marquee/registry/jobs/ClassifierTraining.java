package io.marquee.registry.jobs;

import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.dropoff.DropoffExamples;
import io.marquee.predict.dropoff.DropoffModel;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffTask;
import io.marquee.predict.table.Table;
import io.marquee.predict.tabular.LabelledTable;
import io.marquee.predict.tabular.Splits;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.predict.tabular.TabularTrainer;
import io.marquee.predict.tabular.TrainOptions;
import io.marquee.registry.NewVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains classifiers for the registry and cuts the holdout the {@link ClassifierGate} judges them
 * on. The registered model is the very model judged (trained without the holdout rows).
 *
 * <ul>
 *   <li><b>Drop-off</b>: the drop-off task's time split; the holdout is the test period (the latest
 *       {@code testFraction} of clean watch events). Production is scored on the same feature
 *       rows, which are built from the data, not from a model, so both are judged on identical
 *       inputs; a production model with another drop threshold (another label) or other feature
 *       columns cannot be compared and is not replaced automatically.</li>
 *   <li><b>Tabular</b> (any CSV): a stratified, seeded holdout of the rows; the candidate is trained
 *       on the rest (with its own validation split for calibration and threshold). Production must
 *       predict the same target and positive label and read the same columns.</li>
 * </ul>
 */
public final class ClassifierTraining {
    private ClassifierTraining() {
    }

    /**
     * A trained candidate saved in {@code dir}, ready for {@link ClassifierGate#registerAndDecide}
     * (or plain registration).
     *
     * @param candidate  the version to register, the holdout and production's scorer
     * @param evaluation what training reported (JSON-friendly)
     * @param dir        the saved model directory (the caller deletes it after registering)
     */
    public record Trained(ClassifierGate.Candidate candidate, Map<String, Object> evaluation, Path dir) {
    }

    /** Trains a drop-off model on {@code data} and saves it in {@code dir}. */
    public static Trained dropoff(Dataset data, DropoffParams params, String endpoint, String createdBy,
                                  String description, List<String> tags, Path dir) {
        long t0 = System.nanoTime();
        DropoffExamples ex = DropoffExamples.build(data, params);
        DropoffTask.Result r = DropoffTask.train(data, params, ex, (System.nanoTime() - t0) / 1e9);
        int[] test = ex.rows(DropoffExamples.TEST);
        Table testTable = ex.table().select(test);
        boolean[] y = Splits.select(ex.labels(), test);
        DropoffModel model = r.model();
        double[] p = model.tabular().predictProba(testTable);
        Map<String, Double> metrics = ClassifierGate.figures(p, y, model.threshold());
        model.save(dir);
        double dropThreshold = params.dropThreshold();
        NewVersion nv = new NewVersion(endpoint, dir, createdBy, description, tags, metrics);
        ClassifierGate.Candidate c = new ClassifierGate.Candidate(nv, y, p, contents -> {
            DropoffModel champion = DropoffModel.load(contents.dir());
            if (champion.params().dropThreshold() != dropThreshold) {
                throw InvalidInputException.of("production's drop threshold", champion.params().dropThreshold(),
                        dropThreshold + " as the candidate's (another threshold is another label)");
            }
            return champion.tabular().predictProba(testTable);
        });
        Map<String, Object> eval = new LinkedHashMap<>(r.evaluation().toMap());
        eval.put("holdout", "test period of the time split: " + y.length + " watch events from "
                + java.time.Instant.ofEpochSecond(ex.testStart()));
        return new Trained(c, eval, dir);
    }

    /**
     * Trains a tabular classifier on all rows but a stratified holdout of {@code holdoutFraction}
     * (seeded by the options' seed) and saves it in {@code dir}.
     */
    public static Trained tabular(LabelledTable data, TrainOptions options, double holdoutFraction, String source,
                                  String endpoint, String createdBy, String description, List<String> tags, Path dir) {
        if (!(holdoutFraction > 0 && holdoutFraction < 0.9)) {
            throw InvalidInputException.of("holdout fraction", holdoutFraction, "in (0, 0.9)");
        }
        int[][] split = Splits.stratifiedHoldout(data.y(), holdoutFraction, options.seed() + 1);
        int[] trainRows = split[0];
        int[] testRows = split[1];
        if (testRows.length == 0 || trainRows.length == 0) {
            throw InvalidInputException.of("rows", data.y().length, "enough for a training part and a holdout");
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("source", source);
        notes.put("rows", data.y().length);
        notes.put("positives", data.positives());
        notes.put("holdout_rows", testRows.length);
        notes.put("schema_notes", data.inference().notes());
        TabularTrainer.Result r = TabularTrainer.train(data.table().select(trainRows), Splits.select(data.y(), trainRows),
                options, data.target(), data.positive(), data.negative(), notes);
        TabularModel model = r.model();
        Table testTable = data.table().select(testRows);
        boolean[] y = Splits.select(data.y(), testRows);
        double[] p = model.predictProba(testTable);
        Map<String, Double> metrics = ClassifierGate.figures(p, y, model.threshold());
        model.save(dir);
        String target = data.target();
        String positive = data.positive();
        NewVersion nv = new NewVersion(endpoint, dir, createdBy, description, tags, metrics);
        ClassifierGate.Candidate c = new ClassifierGate.Candidate(nv, y, p, contents -> {
            TabularModel champion = TabularModel.read(contents);
            if (!target.equals(champion.target()) || !positive.equals(champion.positiveLabel())) {
                throw InvalidInputException.of("production's target", champion.target() + " = "
                        + champion.positiveLabel(), target + " = " + positive + " as the candidate's");
            }
            return champion.predictProba(testTable);
        });
        Map<String, Object> eval = new LinkedHashMap<>();
        eval.put("train_seconds", r.seconds());
        eval.put("holdout", "stratified " + Math.round(holdoutFraction * 100) + " % of the rows: " + y.length);
        eval.put("holdout_metrics", metrics);
        eval.put("calibration", r.calibration().toMap());
        eval.put("threshold", model.threshold());
        return new Trained(c, eval, dir);
    }
}
