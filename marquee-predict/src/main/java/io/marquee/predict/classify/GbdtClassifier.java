package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees trained by {@link GbdtTrainer}. Holds XGBoost's own JSON model, which is
 * what is saved (packed four bytes to an {@code int32} in the array {@code clf_xgb_json}, its byte
 * length in the metadata), and a booster loaded from it for prediction with XGBoost's thread-safe
 * in-place prediction.
 */
public final class GbdtClassifier implements Classifier {
    private final byte[] modelJson;
    private final int features;
    private final GbdtParams params;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final Booster booster;

    GbdtClassifier(byte[] modelJson, int features, GbdtParams params, ModelProvenance provenance,
                   TrainingSummary summary) {
        this.modelJson = modelJson.clone();
        this.features = features;
        this.params = params;
        this.provenance = provenance;
        this.summary = summary;
        try {
            this.booster = XGBoost.loadModel(this.modelJson);
            this.booster.setParam("nthread", params.nthread());
        } catch (XGBoostError | IOException e) {
            throw new InvalidInputException("cannot load the XGBoost model: " + e.getMessage(), e);
        }
    }

    @Override
    public Algo algo() {
        return Algo.GBDT;
    }

    @Override
    public int features() {
        return features;
    }

    public GbdtParams params() {
        return params;
    }

    /** XGBoost's JSON model (a copy). */
    public byte[] modelJson() {
        return modelJson.clone();
    }

    @Override
    public double[] predictProba(FloatMatrix x) {
        checkWidth(x);
        double[] out = new double[x.rows()];
        if (x.rows() == 0) {
            return out;
        }
        try {
            float[][] p = booster.inplace_predict(x.data(), x.rows(), x.cols(), Float.NaN);
            for (int r = 0; r < out.length; r++) {
                out[r] = p[r][0];
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Total gain of each feature over all splits (XGBoost's {@code total_gain}), by feature
     * position; features never split on are absent.
     */
    public Map<Integer, Double> totalGain() {
        try {
            Map<String, Double> g = booster.getScore((String) null, "total_gain");
            Map<Integer, Double> out = new LinkedHashMap<>();
            g.forEach((k, v) -> out.put(Integer.parseInt(k.substring(1)), v));
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost feature scores failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    @Override
    public void writeTo(ModelArchive.Writer w) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("algo", Algo.GBDT.id());
        meta.put("params", params.toMap());
        meta.put("features", features);
        meta.put("xgb_json_bytes", modelJson.length);
        w.meta("classifier", meta);
        w.ints("clf_xgb_json", pack(modelJson));
    }

    static GbdtClassifier read(ModelArchive.Contents c, Map<String, Object> meta) {
        @SuppressWarnings("unchecked")
        GbdtParams p = GbdtParams.fromMap((Map<String, Object>) meta.get("params"));
        int bytes = ((Number) meta.get("xgb_json_bytes")).intValue();
        byte[] json = unpack(c.ints("clf_xgb_json"), bytes);
        return new GbdtClassifier(json, ((Number) meta.get("features")).intValue(), p, c.provenance(), c.summary());
    }

    private static int[] pack(byte[] b) {
        ByteBuffer buf = ByteBuffer.allocate((b.length + 3) / 4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(b);
        buf.rewind(); // the padding bytes stay 0
        int[] out = new int[buf.capacity() / 4];
        buf.asIntBuffer().get(out);
        return out;
    }

    private static byte[] unpack(int[] ints, int length) {
        ByteBuffer buf = ByteBuffer.allocate(ints.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(ints);
        if (length > buf.capacity()) {
            throw InvalidInputException.of("xgb_json_bytes", length, "at most " + buf.capacity());
        }
        byte[] out = new byte[length];
        buf.get(out);
        return out;
    }

    @Override
    public String toString() {
        return "GbdtClassifier[" + params + "]";
    }
}
