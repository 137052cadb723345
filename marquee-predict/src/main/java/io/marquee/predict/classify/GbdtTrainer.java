package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains gradient-boosted trees with XGBoost4J ({@code binary:logistic}, {@code tree_method=hist}).
 * Boosts one round at a time so that the training log-loss of every round lands in the
 * {@link TrainingSummary} without XGBoost's own logging.
 */
public final class GbdtTrainer implements ClassifierTrainer {
    private final GbdtParams params;

    public GbdtTrainer(GbdtParams params) {
        this.params = params;
    }

    public GbdtParams params() {
        return params;
    }

    @Override
    public GbdtClassifier fit(FloatMatrix x, boolean[] y, float[] weights) {
        TrainingChecks.check(x, y, weights);
        long start = System.nanoTime();
        DMatrix train = null;
        Booster booster = null;
        try {
            train = new DMatrix(x.data(), x.rows(), x.cols(), Float.NaN);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i] ? 1f : 0f;
            }
            train.setLabel(labels);
            if (weights != null) {
                train.setWeight(weights);
            }
            booster = XGBoost.train(train, xgbParams(params), 0, new HashMap<>(), null, null);
            double[] loss = new double[params.rounds()];
            DMatrix[] sets = {train};
            String[] names = {"train"};
            for (int round = 0; round < params.rounds(); round++) {
                booster.update(train, round);
                loss[round] = parseMetric(booster.evalSet(sets, names, round));
            }
            byte[] model = booster.toByteArray("json");
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelProvenance prov = ModelProvenance.of(Algo.GBDT.id(), params, Fingerprints.of(x, y, weights));
            return new GbdtClassifier(model, x.cols(), params, prov, new TrainingSummary(loss, seconds));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** XGBoost's parameter map for our params. */
    static Map<String, Object> xgbParams(GbdtParams p) {
        Map<String, Object> m = new HashMap<>();
        m.put("objective", "binary:logistic");
        m.put("eval_metric", "logloss");
        m.put("tree_method", "hist");
        m.put("eta", p.eta());
        m.put("max_depth", p.maxDepth());
        m.put("subsample", p.subsample());
        m.put("colsample_bytree", p.colsampleBytree());
        m.put("min_child_weight", p.minChildWeight());
        m.put("lambda", p.lambda());
        m.put("max_bin", p.maxBin());
        m.put("seed", p.seed() & 0x7fffffffL);
        m.put("nthread", p.nthread());
        m.put("verbosity", 0);
        return m;
    }

    /** The value in XGBoost's {@code "[3]\ttrain-logloss:0.41"}. */
    private static double parseMetric(String eval) {
        int colon = eval.lastIndexOf(':');
        if (colon < 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(eval.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Checks shared by every trainer. */
    static final class TrainingChecks {
        private TrainingChecks() {
        }

        static void check(FloatMatrix x, boolean[] y, float[] weights) {
            if (x.rows() == 0) {
                throw InvalidInputException.of("training rows", 0, "at least 1");
            }
            if (y.length != x.rows()) {
                throw InvalidInputException.of("number of labels", y.length, "the " + x.rows() + " rows");
            }
            if (weights != null) {
                if (weights.length != x.rows()) {
                    throw InvalidInputException.of("number of weights", weights.length, "the " + x.rows() + " rows");
                }
                for (int i = 0; i < weights.length; i++) {
                    if (!(weights[i] >= 0) || Float.isInfinite(weights[i])) {
                        throw InvalidInputException.of("weight of row " + i, weights[i], "a finite number >= 0");
                    }
                }
            }
            boolean pos = false;
            boolean neg = false;
            for (boolean b : y) {
                pos |= b;
                neg |= !b;
            }
            if (!pos || !neg) {
                throw InvalidInputException.of("training labels", pos ? "all positive" : "all negative",
                        "both classes present");
            }
        }
    }
}
