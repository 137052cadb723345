package io.marquee.predict.dropoff;

import io.marquee.predict.metrics.ClassificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a drop-off model did on the test events (the last {@code testFraction} of clean events by
 * start time), compared with the generator's truth when the data has it.
 *
 * @param test             metrics on the test events at the threshold chosen on the validation events
 * @param oracleAuc        ROC-AUC of the generator's true probabilities on the same test events
 *                         (NaN without truth): the ceiling for any predictor
 * @param oracleBrier      Brier score of the true probabilities on the test events
 * @param oracleLogLoss    log-loss of the true probabilities on the test events
 * @param calibration      the calibration choice made on the validation events
 * @param counts           watch events, absurd and duplicate events left out, fit/validation/test rows
 * @param validStart       first start time (epoch s) of the validation period
 * @param testStart        first start time (epoch s) of the test period
 * @param featureSeconds   time to build the features of every event
 * @param trainSeconds     time to fit the pipeline and the classifier, calibrate and tune
 * @param scoreRowsPerSecond test rows scored per second (pipeline, classifier and calibrator)
 * @param topFeatures      the most important features, best first: by total gain for gradient boosting, by the size
 *                         of the coefficient on standardised features for logistic regression
 * @param timings          seconds of the steps of training (pipeline fit, transform, classifier
 *                         fit, calibration and threshold)
 */
public record DropoffEvaluation(ClassificationReport test, double oracleAuc, double oracleBrier, double oracleLogLoss,
                                Map<String, Object> calibration, Map<String, Long> counts, long validStart,
                                long testStart, double featureSeconds, double trainSeconds,
                                double scoreRowsPerSecond, List<String> topFeatures, Map<String, Double> timings) {
    public DropoffEvaluation {
        timings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        calibration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        topFeatures = List.copyOf(topFeatures);
    }

    /** The model's test ROC-AUC divided by the oracle's (NaN without truth). */
    public double aucRatio() {
        return test.rocAuc() / oracleAuc;
    }

    /** JSON-friendly form, for {@code marquee evaluate dropoff --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", "time: fit on events before valid_start, choose calibration and threshold on"
                + " [valid_start, test_start), test on events from test_start");
        m.put("valid_start", java.time.Instant.ofEpochSecond(validStart).toString());
        m.put("test_start", java.time.Instant.ofEpochSecond(testStart).toString());
        m.put("counts", counts);
        m.put("test", test.toMap());
        m.put("oracle_roc_auc", nullIfNaN(oracleAuc));
        m.put("oracle_brier", nullIfNaN(oracleBrier));
        m.put("oracle_log_loss", nullIfNaN(oracleLogLoss));
        m.put("roc_auc_over_oracle", nullIfNaN(aucRatio()));
        m.put("calibration", calibration);
        m.put("feature_seconds", featureSeconds);
        m.put("train_seconds", trainSeconds);
        m.put("train_timings", timings);
        m.put("score_rows_per_second", scoreRowsPerSecond);
        m.put("top_features", topFeatures);
        return m;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
