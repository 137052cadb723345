package io.marquee.predict.classify;

import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted logistic regression: P(positive | x) = σ(β₀ + Σ βⱼ xⱼ). Saved as the float64 array
 * {@code clf_coefficients} (intercept first).
 */
public final class LogisticModel implements Classifier {
    private final double[] beta;
    private final LogRegParams params;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    LogisticModel(double[] beta, LogRegParams params, ModelProvenance provenance, TrainingSummary summary) {
        this.beta = beta.clone();
        this.params = params;
        this.provenance = provenance;
        this.summary = summary;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public Algo algo() {
        return Algo.LOGREG;
    }

    @Override
    public int features() {
        return beta.length - 1;
    }

    /** The intercept followed by one coefficient per feature (a copy). */
    public double[] coefficients() {
        return beta.clone();
    }

    @Override
    public double[] predictProba(FloatMatrix x) {
        checkWidth(x);
        float[] d = x.data();
        int w = x.cols();
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            double eta = beta[0];
            int base = r * w;
            for (int c = 0; c < w; c++) {
                eta += beta[c + 1] * d[base + c];
            }
            out[r] = sigmoid(eta);
        }
        return out;
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
        meta.put("algo", Algo.LOGREG.id());
        meta.put("params", params.toMap());
        meta.put("features", features());
        w.meta("classifier", meta);
        w.doubles("clf_coefficients", beta);
    }

    @SuppressWarnings("unchecked")
    static LogisticModel read(ModelArchive.Contents c, Map<String, Object> meta) {
        return new LogisticModel(c.doubles("clf_coefficients"),
                LogRegParams.fromMap((Map<String, Object>) meta.get("params")), c.provenance(), c.summary());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Arrays.equals(m.beta, beta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(beta);
    }

    @Override
    public String toString() {
        return "LogisticModel[" + features() + " features]";
    }
}
