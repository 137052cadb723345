package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;

/**
 * The usual cleaning of numeric columns, fitted once on training data and then applied unchanged
 * to any row: (1) a missing value becomes the column's training median ({@link Imputer}); (2) the
 * value is clipped to learned quantiles of the training values ({@link Winsorizer}); (3) optionally
 * standardised with the mean and sd of the imputed, clipped training values
 * ({@link StandardScaler}; the statistics are learned either way). Immutable and thread-safe.
 *
 * <p>Stored in a {@link ModelArchive} as five float64 arrays of one value per column:
 * {@code median, low, high, mean, sd} ({@link #writeTo}, {@link #readFrom}); infinite bounds (no
 * clipping) are stored as IEEE infinities.
 */
public final class NumericTransform {
    /** Array names in a model archive. */
    public static final String MEDIAN = "median";
    public static final String LOW = "low";
    public static final String HIGH = "high";
    public static final String MEAN = "mean";
    public static final String SD = "sd";

    private final Imputer imputer;
    private final Winsorizer winsorizer;
    private final StandardScaler scaler;
    private final boolean standardize;

    /** A transform from its fitted parts, which must have the same number of columns. */
    public NumericTransform(Imputer imputer, Winsorizer winsorizer, StandardScaler scaler, boolean standardize) {
        if (winsorizer.columns() != imputer.columns() || scaler.columns() != imputer.columns()) {
            throw new InvalidInputException("numeric transform: the imputer has " + imputer.columns()
                    + " columns, the winsorizer " + winsorizer.columns() + ", the scaler " + scaler.columns());
        }
        this.imputer = imputer;
        this.winsorizer = winsorizer;
        this.scaler = scaler;
        this.standardize = standardize;
    }

    /**
     * Learns the medians and clipping bounds from one seeded sample per column (see
     * {@link Imputer#median} and {@link Winsorizer#fit}, which this equals), then the mean and sd of
     * the imputed, clipped values of all rows.
     *
     * @throws InvalidInputException for no rows
     */
    public static NumericTransform fit(NumericColumns x, NumericTransformParams p) {
        int n = x.rows();
        int d = x.columns();
        if (n == 0) {
            throw new InvalidInputException("cannot fit a numeric transform to 0 rows");
        }
        double[] median = new double[d];
        double[] low = new double[d];
        double[] high = new double[d];
        double[][] cleaned = new double[d][];
        for (int c = 0; c < d; c++) {
            double[] col = x.column(c);
            double[] sorted = Quantiles.sortedSample(Quantiles.present(col), p.quantileSample(), p.seed() + c);
            median[c] = sorted.length == 0 ? 0 : Quantiles.ofSorted(sorted, 0.5);
            low[c] = Winsorizer.bound(sorted, p.lowerQuantile(), 0, Double.NEGATIVE_INFINITY);
            high[c] = Winsorizer.bound(sorted, p.upperQuantile(), 1, Double.POSITIVE_INFINITY);
            for (int r = 0; r < n; r++) {
                double v = Double.isNaN(col[r]) ? median[c] : col[r];
                col[r] = v < low[c] ? low[c] : (v > high[c] ? high[c] : v);
            }
            cleaned[c] = col;
        }
        StandardScaler scaler = StandardScaler.fit(NumericColumns.of(cleaned));
        return new NumericTransform(Imputer.of(median), Winsorizer.of(low, high), scaler, p.standardize());
    }

    public int columns() {
        return imputer.columns();
    }

    public Imputer imputer() {
        return imputer;
    }

    public Winsorizer winsorizer() {
        return winsorizer;
    }

    public StandardScaler scaler() {
        return scaler;
    }

    /** Whether {@link #apply} standardises. */
    public boolean standardize() {
        return standardize;
    }

    /** Imputed and clipped value of column {@code c} (before scaling). */
    public double clean(int c, double v) {
        return winsorizer.apply(c, imputer.apply(c, v));
    }

    /** The transformed value of column {@code c}: cleaned, then standardised when asked. */
    public double apply(int c, double v) {
        double y = clean(c, v);
        return standardize ? scaler.apply(c, y) : y;
    }

    /** A transformed copy of one row of {@link #columns()} values. */
    public double[] apply(double[] row) {
        if (row.length != columns()) {
            throw new InvalidInputException("numeric transform: expected " + columns() + " values, were " + row.length);
        }
        double[] out = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = apply(c, row[c]);
        }
        return out;
    }

    /** A transformed copy of {@code rows × columns()} values stored row by row. */
    public double[] applyRowMajor(double[] data, int rows) {
        int d = columns();
        if ((long) rows * d != data.length) {
            throw new InvalidInputException("numeric transform: " + data.length + " values are not " + rows
                    + " rows × " + d + " columns");
        }
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < d; c++) {
                out[r * d + c] = apply(c, data[r * d + c]);
            }
        }
        return out;
    }

    /** Back from standardised units to cleaned raw units for column {@code c}. */
    public double unscale(int c, double z) {
        return scaler.inverse(c, z);
    }

    /** Adds the arrays {@code median, low, high, mean, sd} to a model being written. */
    public ModelArchive.Writer writeTo(ModelArchive.Writer w) {
        return w.doubles(MEDIAN, imputer.fill()).doubles(LOW, winsorizer.low()).doubles(HIGH, winsorizer.high())
                .doubles(MEAN, scaler.mean()).doubles(SD, scaler.sd());
    }

    /** The inverse of {@link #writeTo}: reads the five arrays of a verified model. */
    public static NumericTransform readFrom(ModelArchive.Contents c, boolean standardize) {
        double[] median = c.doubles(MEDIAN);
        double[] low = c.doubles(LOW);
        double[] high = c.doubles(HIGH);
        double[] mean = c.doubles(MEAN);
        double[] sd = c.doubles(SD);
        int d = median.length;
        if (low.length != d || high.length != d || mean.length != d || sd.length != d) {
            throw new InvalidInputException("model " + c.dir() + ": arrays median, low, high, mean and sd must all have "
                    + d + " values, had " + low.length + ", " + high.length + ", " + mean.length + ", " + sd.length);
        }
        return new NumericTransform(Imputer.of(median), Winsorizer.of(low, high), StandardScaler.of(mean, sd),
                standardize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericTransform t && t.imputer.equals(imputer) && t.winsorizer.equals(winsorizer)
                && t.scaler.equals(scaler) && t.standardize == standardize;
    }

    @Override
    public int hashCode() {
        return ((imputer.hashCode() * 31 + winsorizer.hashCode()) * 31 + scaler.hashCode()) * 2 + (standardize ? 1 : 0);
    }

    @Override
    public String toString() {
        return "NumericTransform[" + columns() + " columns, standardize=" + standardize + "]";
    }
}
