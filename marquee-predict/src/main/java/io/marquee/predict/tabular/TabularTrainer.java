package io.marquee.predict.tabular;

import io.marquee.predict.calibrate.Calibration;
import io.marquee.predict.calibrate.Calibrator;
import io.marquee.predict.classify.Classifier;
import io.marquee.predict.features.FeaturePipeline;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.imbalance.ClassWeights;
import io.marquee.predict.imbalance.Resampling;
import io.marquee.predict.imbalance.Smote;
import io.marquee.predict.imbalance.ThresholdTuner;
import io.marquee.predict.metrics.ClassificationReport;
import io.marquee.predict.table.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a {@link TabularModel} from a table and labels:
 * <ol>
 *   <li>holds out a stratified {@code validationFraction} of the rows;</li>
 *   <li>fits the {@link FeaturePipeline} on the remaining (fitting) rows only, standardising when
 *       the algorithm needs it;</li>
 *   <li>rebalances the fitting rows if asked (class weights or SMOTE; default none);</li>
 *   <li>fits the classifier;</li>
 *   <li>on the validation rows, chooses a calibrator ({@link Calibration}) and then the threshold
 *       on the calibrated probabilities ({@link ThresholdTuner}).</li>
 * </ol>
 * The classifier is not refitted on the validation rows, so that the calibrator and threshold
 * belong to the model they were chosen for.
 */
public final class TabularTrainer {
    private TabularTrainer() {
    }

    /**
     * A trained model and what was learnt about it on the validation rows.
     *
     * @param model       the model
     * @param validation  metrics on the validation rows at the chosen threshold (null without validation)
     * @param calibration the calibration choice
     * @param seconds     wall time of the whole training
     */
    public record Result(TabularModel model, ClassificationReport validation, Calibration.Choice calibration,
                         double seconds) {
    }

    /**
     * Trains a model.
     *
     * @param table    the training rows (features only: the target must not be a column)
     * @param y        labels, {@code true} = positive
     * @param options  how to train
     * @param target   the target's name (recorded; ignored in request rows)
     * @param positive the positive label's text
     * @param negative the negative label's text
     * @param notes    extra training information to record with the model (may be empty)
     */
    public static Result train(Table table, boolean[] y, TrainOptions options, String target, String positive,
                               String negative, Map<String, Object> notes) {
        long start = System.nanoTime();
        int[] fitRows;
        int[] validRows;
        if (options.validationFraction() > 0) {
            int[][] split = Splits.stratifiedHoldout(y, options.validationFraction(), options.seed());
            fitRows = split[0];
            validRows = split[1];
        } else {
            fitRows = new int[y.length];
            for (int i = 0; i < fitRows.length; i++) {
                fitRows[i] = i;
            }
            validRows = new int[0];
        }
        Table fitTable = table.select(fitRows);
        boolean[] fitY = Splits.select(y, fitRows);
        FeaturePipeline pipeline = FeaturePipeline.fit(fitTable,
                options.pipeline().withStandardize(options.algo().needsScaling()));
        Classifier classifier = fitClassifier(pipeline.transform(fitTable), fitY, options);

        Calibration.Choice calibration = new Calibration.Choice(Calibrator.IDENTITY, Map.of());
        double threshold = 0.5;
        ClassificationReport validation = null;
        if (validRows.length > 0) {
            boolean[] validY = Splits.select(y, validRows);
            double[] raw = classifier.predictProba(pipeline.transform(table.select(validRows)));
            calibration = Calibration.choose(options.calibration(), raw, validY, options.seed());
            double[] calibrated = calibration.calibrator().apply(raw);
            threshold = ThresholdTuner.tune(calibrated, validY, options.threshold()).threshold();
            validation = ClassificationReport.of(calibrated, validY, threshold);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> info = new LinkedHashMap<>(notes);
        info.put("options", options.toMap());
        info.put("fit_rows", fitRows.length);
        info.put("validation_rows", validRows.length);
        info.put("calibration", calibration.toMap());
        if (validation != null) {
            info.put("validation", validation.toMap());
        }
        info.put("train_seconds", seconds);
        TabularModel model = new TabularModel(pipeline, classifier, calibration.calibrator(), threshold, target,
                positive, negative, info);
        return new Result(model, validation, calibration, seconds);
    }

    /** Fits the classifier of the options on transformed rows, after the options' resampling. */
    public static Classifier fitClassifier(FloatMatrix x, boolean[] y, TrainOptions options) {
        float[] weights = null;
        if (options.resampling() == Resampling.CLASS_WEIGHTS) {
            weights = ClassWeights.balanced(y);
        } else if (options.resampling() == Resampling.SMOTE) {
            Smote.Result r = new Smote(options.smote()).resample(x, y);
            x = r.x();
            y = r.y();
        }
        return options.algo().trainer(options.overrides(), options.seed()).fit(x, y, weights);
    }
}
