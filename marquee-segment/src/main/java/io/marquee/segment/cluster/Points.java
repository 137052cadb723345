package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;

/**
 * {@code n} points of dimension {@code d} stored row-major in one {@code double[]}: coordinate
 * {@code j} of point {@code i} is {@code data[i * d + j]}. The array is owned by this object and
 * handed out by {@link #data()} for hot loops; callers must not write to it.
 */
public record Points(double[] data, int n, int d) {
    public Points {
        if (n < 0) {
            throw InvalidInputException.of("n", n, ">= 0");
        }
        if (d < 1) {
            throw InvalidInputException.of("d", d, ">= 1");
        }
        if (data == null || (long) n * d != data.length) {
            throw new InvalidInputException("points: data must hold n*d = " + ((long) n * d) + " values, was "
                    + (data == null ? "null" : data.length));
        }
    }

    /** Wraps a row-major array; its length must be a multiple of {@code d}. */
    public static Points of(double[] data, int d) {
        if (d < 1) {
            throw InvalidInputException.of("d", d, ">= 1");
        }
        if (data.length % d != 0) {
            throw new InvalidInputException("points: data length " + data.length + " is not a multiple of d=" + d);
        }
        return new Points(data, data.length / d, d);
    }

    /** Points from rows (copied); all rows must have the same length. */
    public static Points ofRows(double[][] rows) {
        if (rows.length == 0) {
            throw new InvalidInputException("points: no rows given");
        }
        int d = rows[0].length;
        double[] data = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new InvalidInputException("points: row " + i + " has " + rows[i].length + " values, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, data, i * d, d);
        }
        return new Points(data, rows.length, d);
    }

    /** Coordinate {@code j} of point {@code i}. */
    public double get(int i, int j) {
        return data[i * d + j];
    }

    /** A copy of point {@code i}. */
    public double[] row(int i) {
        double[] r = new double[d];
        System.arraycopy(data, i * d, r, 0, d);
        return r;
    }

    /** The points at the given positions, in that order (copied). */
    public Points subset(int[] positions) {
        double[] out = new double[positions.length * d];
        for (int k = 0; k < positions.length; k++) {
            System.arraycopy(data, positions[k] * d, out, k * d, d);
        }
        return new Points(out, positions.length, d);
    }

    /** Throws unless every value is finite (clustering needs cleaned, imputed features). */
    public Points requireFinite() {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                throw new InvalidInputException("points: value of point " + (k / d) + ", coordinate " + (k % d)
                        + " must be finite, was " + data[k]);
            }
        }
        return this;
    }

    /**
     * A fingerprint of the points for model provenance: the shape and a 64-bit mix of every
     * value's bits (fast enough for millions of points; not a cryptographic hash).
     */
    public String fingerprint() {
        long h = 0x9E3779B97F4A7C15L ^ ((long) n << 32 | d);
        for (double v : data) {
            h = Long.rotateLeft(h ^ mix(Double.doubleToLongBits(v)), 27) * 0x9E3779B97F4A7C15L;
        }
        return "points-" + n + "x" + d + "-" + String.format("%016x", mix(h));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Squared Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}. Four
     * independent accumulators break the chain of dependent additions, which otherwise bounds the
     * speed of every clustering loop (Java may not reorder floating-point additions itself).
     */
    public static double sqDist(double[] a, int aOff, double[] b, int bOff, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            double t0 = a[aOff + k] - b[bOff + k];
            double t1 = a[aOff + k + 1] - b[bOff + k + 1];
            double t2 = a[aOff + k + 2] - b[bOff + k + 2];
            double t3 = a[aOff + k + 3] - b[bOff + k + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; k < d; k++) {
            double t = a[aOff + k] - b[bOff + k];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
