package io.marquee.predict.dropoff;

import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.calibrate.Calibration;
import io.marquee.predict.classify.Classifier;
import io.marquee.predict.classify.GbdtClassifier;
import io.marquee.predict.classify.LogisticModel;
import io.marquee.predict.features.FeaturePipeline;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.imbalance.Resampling;
import io.marquee.predict.imbalance.SmoteParams;
import io.marquee.predict.imbalance.ThresholdTuner;
import io.marquee.predict.metrics.ClassificationReport;
import io.marquee.predict.metrics.Metrics;
import io.marquee.predict.table.Table;
import io.marquee.predict.tabular.Splits;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.predict.tabular.TabularTrainer;
import io.marquee.predict.tabular.TrainOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drop-off task: will this viewer abandon this film before {@code dropThreshold} (90 %) of
 * its runtime? One example per clean watch event ({@link DropoffExamples}), features without
 * leakage, a split by time: the classifier is fitted on the earliest 70 % of events, calibration
 * and threshold are chosen on the next 10 %, and the last 20 % are the test. On synthetic data the
 * test ROC-AUC is compared with the oracle AUC of the generator's true probabilities on the same
 * events.
 *
 * <pre>
 * DropoffTask.Result r = DropoffTask.train(dataset, DropoffParams.defaults());
 * r.evaluation().aucRatio();                 // model AUC / oracle AUC
 * r.model().save(dir);
 * r.model().predictor(dataset).forUser(42, new long[] {7, 9}, PredictionContext.now());
 * </pre>
 */
public final class DropoffTask {
    private DropoffTask() {
    }

    /**
     * A trained model and its test evaluation.
     *
     * @param model      the model (fitted on the fit period)
     * @param evaluation its metrics on the test period
     */
    public record Result(DropoffModel model, DropoffEvaluation evaluation) {
    }

    /** Builds the examples, trains, evaluates on the test period. */
    public static Result train(Dataset dataset, DropoffParams params) {
        long t0 = System.nanoTime();
        DropoffExamples ex = DropoffExamples.build(dataset, params);
        double featureSeconds = (System.nanoTime() - t0) / 1e9;
        return train(dataset, params, ex, featureSeconds);
    }

    /** Only the evaluation of {@link #train}. */
    public static DropoffEvaluation evaluate(Dataset dataset, DropoffParams params) {
        return train(dataset, params).evaluation();
    }

    /**
     * Trains on examples already built by {@link DropoffExamples#build} with the same params (so a
     * caller that also needs the test rows, such as the registry's validation gate, builds them
     * once); {@code featureSeconds} is the time building them took, for the evaluation.
     */
    public static Result train(Dataset dataset, DropoffParams params, DropoffExamples ex, double featureSeconds) {
        long t1 = System.nanoTime();
        int[] fit = ex.rows(DropoffExamples.FIT);
        int[] valid = ex.rows(DropoffExamples.VALID);
        int[] test = ex.rows(DropoffExamples.TEST);
        if (fit.length == 0 || valid.length == 0 || test.length == 0) {
            throw InvalidInputException.of("events per split (fit/valid/test)",
                    fit.length + "/" + valid.length + "/" + test.length, "at least one each");
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        Table all = ex.table();
        boolean[] y = ex.labels();
        Table fitTable = all.select(fit);
        long tp = System.nanoTime();
        FeaturePipeline pipeline = FeaturePipeline.fit(fitTable,
                params.pipeline().withStandardize(params.algo().needsScaling()));
        timings.put("pipeline_fit", (System.nanoTime() - tp) / 1e9);
        tp = System.nanoTime();
        FloatMatrix xFit = pipeline.transform(fitTable);
        fitTable = null;
        timings.put("transform_fit_rows", (System.nanoTime() - tp) / 1e9);
        tp = System.nanoTime();
        TrainOptions options = new TrainOptions(params.algo(), params.classifierOverrides(), params.pipeline(),
                Resampling.NONE, SmoteParams.defaults(), params.calibration(), params.threshold(),
                params.validFraction(), params.seed());
        Classifier classifier = TabularTrainer.fitClassifier(xFit, Splits.select(y, fit), options);
        xFit = null; // let the training matrix go before the next allocations
        timings.put("classifier_fit", (System.nanoTime() - tp) / 1e9);
        tp = System.nanoTime();

        boolean[] validY = Splits.select(y, valid);
        double[] rawValid = classifier.predictProba(pipeline.transform(all.select(valid)));
        Calibration.Choice calibration = Calibration.choose(params.calibration(), rawValid, validY, params.seed());
        double threshold = ThresholdTuner.tune(calibration.calibrator().apply(rawValid), validY, params.threshold())
                .threshold();
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        timings.put("calibration_and_threshold", (System.nanoTime() - tp) / 1e9);

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("task", "dropoff");
        info.put("fit_rows", fit.length);
        info.put("validation_rows", valid.length);
        TabularModel tabular = new TabularModel(pipeline, classifier, calibration.calibrator(), threshold, "dropoff",
                DropoffModel.DROP, DropoffModel.COMPLETE, info);

        Table testTable = all.select(test);
        long t2 = System.nanoTime();
        double[] p = tabular.predictProba(testTable);
        double scoreSeconds = (System.nanoTime() - t2) / 1e9;
        boolean[] testY = Splits.select(y, test);
        ClassificationReport report = ClassificationReport.of(p, testY, threshold);

        double[] truth = new double[test.length];
        boolean hasTruth = true;
        for (int k = 0; k < test.length; k++) {
            truth[k] = ex.truth()[test[k]];
            hasTruth &= truth[k] >= 0 && truth[k] <= 1;
        }
        double oracleAuc = hasTruth ? Metrics.rocAuc(truth, testY) : Double.NaN;
        double oracleBrier = hasTruth ? Metrics.brier(truth, testY) : Double.NaN;
        double oracleLogLoss = hasTruth ? Metrics.logLoss(truth, testY) : Double.NaN;

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("watch_events", (long) ex.loggedEvents());
        counts.put("absurd_left_out", (long) ex.absurd());
        counts.put("duplicates_left_out", (long) ex.duplicates());
        counts.put("fit_rows", (long) fit.length);
        counts.put("validation_rows", (long) valid.length);
        counts.put("test_rows", (long) test.length);
        DropoffEvaluation eval = new DropoffEvaluation(report, oracleAuc, oracleBrier, oracleLogLoss,
                calibration.toMap(), counts, ex.validStart(), ex.testStart(), featureSeconds, trainSeconds,
                test.length / Math.max(scoreSeconds, 1e-9), topFeatures(classifier, pipeline, 15), timings);

        long[] filmIds = dataset.catalogue().items().ids();
        DropoffModel model = new DropoffModel(tabular, params, ex.settings(), dataset.catalogue().genreNames(), filmIds,
                ex.servingStats(), ex.servingTaste(), ex.servingBaseline(), eval.toMap());
        return new Result(model, eval);
    }

    private static List<String> topFeatures(Classifier c, FeaturePipeline pipeline, int n) {
        List<String> out = new ArrayList<>();
        if (c instanceof LogisticModel lm) {
            // coefficients on standardised features: the change of the logit per standard deviation
            double[] beta = lm.coefficients();
            List<Integer> idx = new ArrayList<>();
            for (int k = 1; k < beta.length; k++) {
                idx.add(k);
            }
            idx.sort((a, b) -> Double.compare(Math.abs(beta[b]), Math.abs(beta[a])));
            for (int k = 0; k < Math.min(n, idx.size()); k++) {
                out.add(String.format(java.util.Locale.ROOT, "%s %+.3f", pipeline.featureNames().get(idx.get(k) - 1),
                        beta[idx.get(k)]));
            }
            return out;
        }
        if (!(c instanceof GbdtClassifier g)) {
            return out;
        }
        double total = 0;
        Map<Integer, Double> gain = g.totalGain();
        for (double v : gain.values()) {
            total += v;
        }
        List<Map.Entry<Integer, Double>> e = new ArrayList<>(gain.entrySet());
        e.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int k = 0; k < Math.min(n, e.size()); k++) {
            out.add(String.format(java.util.Locale.ROOT, "%s %.1f%%", pipeline.featureNames().get(e.get(k).getKey()),
                    100 * e.get(k).getValue() / total));
        }
        return out;
    }
}
