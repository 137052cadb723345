package io.marquee.predict.tabular;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.predict.calibrate.CalibrationMode;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.features.PipelineParams;
import io.marquee.predict.imbalance.Resampling;
import io.marquee.predict.imbalance.SmoteParams;
import io.marquee.predict.imbalance.ThresholdPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides how a tabular model is trained: the algorithm and its parameter
 * overrides, the feature pipeline, imbalance handling, calibration and the decision threshold.
 *
 * @param algo               the classifier
 * @param overrides          parameter overrides of the classifier ({@code maxDepth=6}); empty for defaults
 * @param pipeline           feature pipeline settings (standardisation is switched on for
 *                           algorithms that need it, whatever this says)
 * @param resampling         none (default), class weights or SMOTE
 * @param smote              SMOTE settings when {@code resampling} is SMOTE
 * @param calibration        calibration on the validation rows (default auto)
 * @param threshold          threshold policy on the validation rows (default F1)
 * @param validationFraction share of the training rows held out (stratified) for calibration and
 *                           the threshold; 0 only with FIXED threshold and NONE calibration
 * @param seed               seed of the validation split, the classifier, SMOTE and the pipeline's sampling
 */
public record TrainOptions(Algo algo, Map<String, String> overrides, PipelineParams pipeline, Resampling resampling,
                           SmoteParams smote, CalibrationMode calibration, ThresholdPolicy threshold,
                           double validationFraction, long seed) implements Params {
    public TrainOptions {
        if (algo == null) {
            throw InvalidInputException.of("algo", null, "one of gbdt, rf, extratrees, tree, logreg");
        }
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        if (!(validationFraction >= 0 && validationFraction < 0.9)) {
            throw InvalidInputException.of("validationFraction", validationFraction, "in [0, 0.9)");
        }
        if (validationFraction == 0 && (threshold != ThresholdPolicy.FIXED || calibration != CalibrationMode.NONE)) {
            throw InvalidInputException.of("validationFraction", 0,
                    "above 0 when the threshold is tuned or the model calibrated");
        }
        algo.params(overrides, seed); // rejects bad overrides now, naming them
    }

    /**
     * The recommended defaults: no resampling, automatic calibration and an F1-tuned threshold on a
     * 20 % stratified validation split.
     */
    public static TrainOptions defaults(Algo algo) {
        return new TrainOptions(algo, Map.of(), PipelineParams.defaults(), Resampling.NONE, SmoteParams.defaults(),
                CalibrationMode.AUTO, ThresholdPolicy.F1, 0.2, 42);
    }

    public TrainOptions withOverrides(Map<String, String> o) {
        return new TrainOptions(algo, o, pipeline, resampling, smote, calibration, threshold, validationFraction, seed);
    }

    public TrainOptions withResampling(Resampling r) {
        return new TrainOptions(algo, overrides, pipeline, r, smote, calibration, threshold, validationFraction, seed);
    }

    public TrainOptions withCalibration(CalibrationMode c) {
        return new TrainOptions(algo, overrides, pipeline, resampling, smote, c, threshold, validationFraction, seed);
    }

    public TrainOptions withThreshold(ThresholdPolicy t) {
        return new TrainOptions(algo, overrides, pipeline, resampling, smote, calibration, t, validationFraction, seed);
    }

    public TrainOptions withSeed(long s) {
        return new TrainOptions(algo, overrides, pipeline.withSeed(s), resampling, smote.withSeed(s), calibration,
                threshold, validationFraction, s);
    }

    public TrainOptions withPipeline(PipelineParams p) {
        return new TrainOptions(algo, overrides, p, resampling, smote, calibration, threshold, validationFraction, seed);
    }

    public TrainOptions withValidationFraction(double f) {
        return new TrainOptions(algo, overrides, pipeline, resampling, smote, calibration, threshold, f, seed);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algo", algo.id());
        m.put("params", algo.params(overrides, seed));
        m.put("pipeline", pipeline.toMap());
        m.put("resampling", resampling.id());
        if (resampling == Resampling.SMOTE) {
            m.put("smote", smote.toMap());
        }
        m.put("calibration", calibration.name().toLowerCase(java.util.Locale.ROOT));
        m.put("threshold", threshold.id());
        m.put("validationFraction", validationFraction);
        m.put("seed", seed);
        return m;
    }
}
