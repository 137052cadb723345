package io.marquee.predict.features;

import io.marquee.core.error.InvalidInputException;
import java.util.List;

/**
 * A dense row-major matrix of {@code float} features, the input of every classifier: row
 * {@code r}, column {@code c} is {@code data[r * cols + c]}. Immutable in use: {@link #data()}
 * hands out the internal array, which callers must not write.
 *
 * @param rows  number of rows (examples)
 * @param cols  number of columns (features)
 * @param data  the values, {@code rows * cols} of them
 * @param names feature names, one per column
 */
public record FloatMatrix(int rows, int cols, float[] data, List<String> names) {
    public FloatMatrix {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw InvalidInputException.of("matrix shape", rows + "x" + cols, "matching " + data.length + " values");
        }
        names = List.copyOf(names);
        if (names.size() != cols) {
            throw InvalidInputException.of("number of feature names", names.size(), "the " + cols + " columns");
        }
    }

    /** A value. */
    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int r) {
        float[] out = new float[cols];
        System.arraycopy(data, r * cols, out, 0, cols);
        return out;
    }

    /** The rows at the given positions, in that order. */
    public FloatMatrix select(int[] rowPositions) {
        float[] out = new float[rowPositions.length * cols];
        for (int k = 0; k < rowPositions.length; k++) {
            System.arraycopy(data, rowPositions[k] * cols, out, k * cols, cols);
        }
        return new FloatMatrix(rowPositions.length, cols, out, names);
    }

    /** This matrix with more rows appended (same columns). */
    public FloatMatrix append(float[] moreRows, int count) {
        if (moreRows.length != count * cols) {
            throw InvalidInputException.of("appended values", moreRows.length, count + " rows of " + cols);
        }
        float[] out = new float[data.length + moreRows.length];
        System.arraycopy(data, 0, out, 0, data.length);
        System.arraycopy(moreRows, 0, out, data.length, moreRows.length);
        return new FloatMatrix(rows + count, cols, out, names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMatrix m && m.rows == rows && m.cols == cols && java.util.Arrays.equals(m.data, data)
                && m.names.equals(names);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(data) * 31 + names.hashCode();
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + "x" + cols + "]";
    }
}
