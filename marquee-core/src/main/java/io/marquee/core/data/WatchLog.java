package io.marquee.core.data;

import java.util.List;

/**
 * Watch events as parallel primitive arrays, by position {@code k}: event id, user and item
 * indices (shared with {@link Interactions}), start time (epoch s), minutes watched, runtime,
 * device (a small code into {@link #deviceNames()}), the completed flag, and the generator's true
 * drop-off probability ({@code NaN} when the data has none).
 *
 * <p>Immutable; the {@code *Array()} accessors hand out internal arrays, which callers must not
 * write to.
 */
public final class WatchLog {
    private final long[] eventId;
    private final int[] user;
    private final int[] item;
    private final long[] startedAt;
    private final float[] watchedMinutes;
    private final int[] runtimeMinutes;
    private final byte[] device;
    private final List<String> deviceNames;
    private final boolean[] completed;
    private final double[] trueDropoff;

    /** Takes ownership of the arrays, which must all have the same length. */
    public WatchLog(long[] eventId, int[] user, int[] item, long[] startedAt, float[] watchedMinutes,
                    int[] runtimeMinutes, byte[] device, List<String> deviceNames, boolean[] completed,
                    double[] trueDropoff) {
        int n = eventId.length;
        if (user.length != n || item.length != n || startedAt.length != n || watchedMinutes.length != n
                || runtimeMinutes.length != n || device.length != n || completed.length != n
                || trueDropoff.length != n) {
            throw new IllegalArgumentException("watch log arrays must all have " + n + " entries");
        }
        this.eventId = eventId;
        this.user = user;
        this.item = item;
        this.startedAt = startedAt;
        this.watchedMinutes = watchedMinutes;
        this.runtimeMinutes = runtimeMinutes;
        this.device = device;
        this.deviceNames = List.copyOf(deviceNames);
        this.completed = completed;
        this.trueDropoff = trueDropoff;
    }

    public int size() {
        return eventId.length;
    }

    public long eventId(int k) {
        return eventId[k];
    }

    public int user(int k) {
        return user[k];
    }

    public int item(int k) {
        return item[k];
    }

    public long startedAt(int k) {
        return startedAt[k];
    }

    public float watchedMinutes(int k) {
        return watchedMinutes[k];
    }

    public int runtimeMinutes(int k) {
        return runtimeMinutes[k];
    }

    public String device(int k) {
        return deviceNames.get(device[k]);
    }

    public boolean completed(int k) {
        return completed[k];
    }

    /** The generator's true drop-off probability, or NaN when unknown. */
    public double trueDropoff(int k) {
        return trueDropoff[k];
    }

    /** Whether every event carries a true drop-off probability (synthetic data). */
    public boolean hasTruth() {
        for (double p : trueDropoff) {
            if (Double.isNaN(p)) {
                return false;
            }
        }
        return trueDropoff.length > 0;
    }

    public List<String> deviceNames() {
        return deviceNames;
    }

    public int[] userArray() {
        return user;
    }

    public int[] itemArray() {
        return item;
    }

    public long[] startedAtArray() {
        return startedAt;
    }

    public float[] watchedMinutesArray() {
        return watchedMinutes;
    }

    public int[] runtimeMinutesArray() {
        return runtimeMinutes;
    }

    public boolean[] completedArray() {
        return completed;
    }

    public double[] trueDropoffArray() {
        return trueDropoff;
    }
}
