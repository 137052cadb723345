package io.marquee.recommend.data;

import io.marquee.core.data.Interactions;

/**
 * A sparse matrix in compressed-sparse-row form built from {@link Interactions}: by user (rows are
 * users, columns items) or by item (the transpose). Within a row, columns are ascending. Entries
 * of the same (row, column) pair are kept as they are (interaction data from the database has
 * none; callers that merge data should deduplicate first).
 *
 * <p>Immutable; the array accessors hand out internal arrays for hot loops, read only.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] values;

    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {
        if (rowPtr.length != rows + 1 || colIdx.length != values.length || rowPtr[rows] != colIdx.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /** Rows are users, columns items. */
    public static CsrMatrix byUser(Interactions d) {
        return build(d.users().size(), d.items().size(), d.userArray(), d.itemArray(), d.valueArray());
    }

    /** Rows are items, columns users. */
    public static CsrMatrix byItem(Interactions d) {
        return build(d.items().size(), d.users().size(), d.itemArray(), d.userArray(), d.valueArray());
    }

    private static CsrMatrix build(int rows, int cols, int[] row, int[] col, float[] val) {
        int n = row.length;
        int[] ptr = new int[rows + 1];
        for (int r : row) {
            ptr[r + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            ptr[r + 1] += ptr[r];
        }
        int[] next = ptr.clone();
        int[] cIdx = new int[n];
        float[] vals = new float[n];
        for (int k = 0; k < n; k++) {
            int pos = next[row[k]]++;
            cIdx[pos] = col[k];
            vals[pos] = val[k];
        }
        for (int r = 0; r < rows; r++) {
            sortRow(cIdx, vals, ptr[r], ptr[r + 1]);
        }
        return new CsrMatrix(rows, cols, ptr, cIdx, vals);
    }

    /** Insertion sort for short rows, else a sort of packed (col, position) pairs. */
    private static void sortRow(int[] c, float[] v, int from, int to) {
        int len = to - from;
        if (len < 32) {
            for (int i = from + 1; i < to; i++) {
                int ci = c[i];
                float vi = v[i];
                int j = i - 1;
                while (j >= from && c[j] > ci) {
                    c[j + 1] = c[j];
                    v[j + 1] = v[j];
                    j--;
                }
                c[j + 1] = ci;
                v[j + 1] = vi;
            }
            return;
        }
        long[] packed = new long[len];
        for (int i = 0; i < len; i++) {
            packed[i] = ((long) c[from + i] << 32) | i;
        }
        java.util.Arrays.sort(packed);
        float[] vc = java.util.Arrays.copyOfRange(v, from, to);
        for (int i = 0; i < len; i++) {
            c[from + i] = (int) (packed[i] >>> 32);
            v[from + i] = vc[(int) packed[i]];
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Stored entries. */
    public int nnz() {
        return colIdx.length;
    }

    public int rowStart(int r) {
        return rowPtr[r];
    }

    public int rowEnd(int r) {
        return rowPtr[r + 1];
    }

    public int rowLength(int r) {
        return rowPtr[r + 1] - rowPtr[r];
    }

    public int col(int k) {
        return colIdx[k];
    }

    public float value(int k) {
        return values[k];
    }

    /** Whether row {@code r} has column {@code c} (binary search). */
    public boolean contains(int r, int c) {
        return java.util.Arrays.binarySearch(colIdx, rowPtr[r], rowPtr[r + 1], c) >= 0;
    }

    public int[] rowPtrArray() {
        return rowPtr;
    }

    public int[] colArray() {
        return colIdx;
    }

    public float[] valueArray() {
        return values;
    }
}
