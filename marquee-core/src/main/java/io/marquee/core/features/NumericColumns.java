package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;

/**
 * A read-only view of numeric training data, {@code rows × columns}, stored either row-major in
 * one array or as one array per column; {@code NaN} marks a missing value. The transforms read it
 * one column at a time ({@link #column(int)}), so neither layout is copied as a whole.
 */
public final class NumericColumns {
    private final double[] rowMajor;
    private final double[][] columns;
    private final int rows;
    private final int cols;

    private NumericColumns(double[] rowMajor, double[][] columns, int rows, int cols) {
        this.rowMajor = rowMajor;
        this.columns = columns;
        this.rows = rows;
        this.cols = cols;
    }

    /** A view of {@code data} holding {@code rows × cols} values row by row (not copied). */
    public static NumericColumns rowMajor(double[] data, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new InvalidInputException("numeric columns: " + data.length + " values are not " + rows + " rows × "
                    + cols + " columns");
        }
        return new NumericColumns(data, null, rows, cols);
    }

    /** A view of one array per column, all of the same length (not copied). */
    public static NumericColumns of(double[]... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new InvalidInputException("numeric columns: column " + c + " has " + columns[c].length
                        + " values, column 0 has " + rows);
            }
        }
        return new NumericColumns(null, columns, rows, columns.length);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return cols;
    }

    /** A fresh copy of column {@code c}. */
    public double[] column(int c) {
        if (c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("column " + c + " of " + cols);
        }
        if (columns != null) {
            return columns[c].clone();
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = rowMajor[r * cols + c];
        }
        return out;
    }
}
