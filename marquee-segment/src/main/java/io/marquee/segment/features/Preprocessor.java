package io.marquee.segment.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.features.Imputer;
import io.marquee.core.features.NumericColumns;
import io.marquee.core.features.NumericTransform;
import io.marquee.core.features.NumericTransformParams;
import io.marquee.core.features.StandardScaler;
import io.marquee.core.features.Winsorizer;
import io.marquee.core.model.ModelArchive;
import io.marquee.segment.cluster.Points;
import java.util.List;

/**
 * The cleaning and scaling of the segmentation's viewer features, fitted on the training viewers
 * and then applied unchanged to any viewer: (1) impute a missing value with the column's median,
 * (2) winsorise (clip) to the column's {@code q} and {@code 1 − q} quantiles ({@code q = 0}: no
 * clipping), (3) standardise to mean 0 and standard deviation 1 (a constant column is only
 * centred). Immutable once fitted.
 *
 * <p>The three steps are core's {@link NumericTransform}, the same pieces the drop-off
 * predictor's feature pipeline ({@code marquee-predict}) cleans its numeric columns with; this
 * class adds the feature names and the segmentation's point layout. Quantiles are exact (no
 * sampling).
 */
public final class Preprocessor {
    private final List<String> names;
    private final NumericTransform transform;
    private final double winsorQuantile;

    /** A pipeline from its fitted parts (as stored with a model). */
    public Preprocessor(List<String> names, NumericTransform transform, double winsorQuantile) {
        if (transform.columns() != names.size()) {
            throw new InvalidInputException("preprocessor: " + names.size() + " feature names but the transform has "
                    + transform.columns() + " columns");
        }
        if (!transform.standardize()) {
            throw new InvalidInputException("preprocessor: the segmentation's transform must standardise");
        }
        this.names = List.copyOf(names);
        this.transform = transform;
        this.winsorQuantile = winsorQuantile;
    }

    /** A pipeline from its fitted statistics. */
    public Preprocessor(List<String> names, double[] median, double[] low, double[] high, double[] mean, double[] sd,
                        double winsorQuantile) {
        this(names, of(names.size(), median, low, high, mean, sd), winsorQuantile);
    }

    private static NumericTransform of(int d, double[] median, double[] low, double[] high, double[] mean,
                                       double[] sd) {
        if (median.length != d || low.length != d || high.length != d || mean.length != d || sd.length != d) {
            throw new InvalidInputException("preprocessor: every statistic needs " + d + " values");
        }
        return new NumericTransform(Imputer.of(median), Winsorizer.of(low, high), StandardScaler.of(mean, sd), true);
    }

    /** Fits the pipeline to raw features. */
    public static Preprocessor fit(FeatureMatrix raw, double winsorQuantile) {
        if (!(winsorQuantile >= 0 && winsorQuantile < 0.5)) {
            throw InvalidInputException.of("winsor_quantile", winsorQuantile, "in [0, 0.5)");
        }
        if (raw.rows() == 0) {
            throw new InvalidInputException("cannot fit a preprocessor to 0 viewers");
        }
        NumericTransform t = NumericTransform.fit(NumericColumns.rowMajor(raw.data(), raw.rows(), raw.columns()),
                NumericTransformParams.symmetric(winsorQuantile, true));
        return new Preprocessor(raw.names(), t, winsorQuantile);
    }

    /** Reads the pipeline stored by {@link #writeTo} (arrays {@code median, low, high, mean, sd}). */
    public static Preprocessor readFrom(ModelArchive.Contents c, List<String> names, double winsorQuantile) {
        return new Preprocessor(names, NumericTransform.readFrom(c, true), winsorQuantile);
    }

    /** Adds the pipeline's arrays to a model being written (the names and quantile go in the meta). */
    public ModelArchive.Writer writeTo(ModelArchive.Writer w) {
        return transform.writeTo(w);
    }

    /** The shared transform doing the work. */
    public NumericTransform transform() {
        return transform;
    }

    /** Imputed and clipped value of column {@code c} (before scaling). */
    public double clean(int c, double v) {
        return transform.clean(c, v);
    }

    /** Cleaned and standardised copy of one raw row. */
    public double[] transform(double[] raw) {
        if (raw.length != names.size()) {
            throw new InvalidInputException("features: expected " + names.size() + " values (" + names + "), were "
                    + raw.length);
        }
        return transform.apply(raw);
    }

    /** Cleaned and standardised points of every row. */
    public Points transform(FeatureMatrix raw) {
        if (!raw.names().equals(names)) {
            throw new InvalidInputException("features " + raw.names() + " do not match the pipeline's " + names);
        }
        return new Points(transform.applyRowMajor(raw.data(), raw.rows()), raw.rows(), names.size());
    }

    /** Back from standardised units to (cleaned) raw units for column {@code c}. */
    public double unscale(int c, double z) {
        return transform.unscale(c, z);
    }

    public List<String> names() {
        return names;
    }

    public double[] median() {
        return transform.imputer().fill();
    }

    public double[] low() {
        return transform.winsorizer().low();
    }

    public double[] high() {
        return transform.winsorizer().high();
    }

    public double[] mean() {
        return transform.scaler().mean();
    }

    public double[] sd() {
        return transform.scaler().sd();
    }

    public double winsorQuantile() {
        return winsorQuantile;
    }
}
