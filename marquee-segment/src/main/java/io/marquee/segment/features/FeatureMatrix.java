package io.marquee.segment.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.segment.cluster.Points;
import java.util.List;

/**
 * Raw per-viewer features: row {@code r} belongs to the viewer with dense index
 * {@code userIndex[r]} and external id {@code userIds[r]}; {@code NaN} marks a value that is
 * missing (e.g. the mean rating of a viewer who never rated). Immutable; {@link #data()} hands out
 * the internal row-major array, which callers must not write to.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final int[] userIndex;
    private final long[] userIds;
    private final double[] data;

    public FeatureMatrix(List<String> names, int[] userIndex, long[] userIds, double[] data) {
        this.names = List.copyOf(names);
        int n = userIndex.length;
        if (userIds.length != n || data.length != (long) n * names.size()) {
            throw new InvalidInputException("feature matrix: " + n + " viewers × " + names.size()
                    + " features need " + ((long) n * names.size()) + " values, were " + data.length);
        }
        this.userIndex = userIndex;
        this.userIds = userIds;
        this.data = data;
    }

    /** Number of viewers (rows). */
    public int rows() {
        return userIndex.length;
    }

    /** Number of features (columns). */
    public int columns() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    /** Column of a feature name, or −1. */
    public int column(String name) {
        return names.indexOf(name);
    }

    /** Dense user index of row {@code r}. */
    public int userIndex(int r) {
        return userIndex[r];
    }

    /** External user id of row {@code r}. */
    public long userId(int r) {
        return userIds[r];
    }

    /** A copy of the external user ids, by row. */
    public long[] userIds() {
        return userIds.clone();
    }

    /** A copy of the dense user indices, by row. */
    public int[] userIndices() {
        return userIndex.clone();
    }

    /** Raw value of feature {@code c} for row {@code r} (NaN when missing). */
    public double get(int r, int c) {
        return data[r * names.size() + c];
    }

    /** A copy of row {@code r}. */
    public double[] row(int r) {
        int d = names.size();
        double[] out = new double[d];
        System.arraycopy(data, r * d, out, 0, d);
        return out;
    }

    /** The internal row-major array; read only. */
    public double[] data() {
        return data;
    }

    /** The rows at the given positions. */
    public FeatureMatrix subset(int[] rows) {
        int d = names.size();
        double[] out = new double[rows.length * d];
        int[] ui = new int[rows.length];
        long[] ids = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(data, rows[k] * d, out, k * d, d);
            ui[k] = userIndex[rows[k]];
            ids[k] = userIds[rows[k]];
        }
        return new FeatureMatrix(names, ui, ids, out);
    }

    /** The raw values as points (may hold NaN: transform them first). */
    public Points points() {
        return new Points(data, rows(), names.size());
    }
}
