package io.marquee.core.data;

import io.marquee.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ratings (or any user–item signal) as parallel primitive arrays: entry {@code k} says that user
 * index {@code user[k]} gave item index {@code item[k]} the value {@code value[k]} at epoch second
 * {@code time[k]}. Indices refer to the {@link #users()} and {@link #items()} indexes, which may
 * hold users and items without any entry.
 *
 * <p>Immutable: the arrays are owned by this object. The {@code *Array()} accessors hand out the
 * internal arrays for hot loops without copying; callers must not write to them.
 */
public final class Interactions {
    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final float[] value;
    private final long[] time;

    /**
     * Takes ownership of the arrays (no copy). They must have equal length and hold valid indices.
     */
    public Interactions(IdIndex users, IdIndex items, int[] user, int[] item, float[] value, long[] time) {
        int n = user.length;
        if (item.length != n || value.length != n || time.length != n) {
            throw new InvalidInputException("interaction arrays must have equal length, were user=" + n
                    + " item=" + item.length + " value=" + value.length + " time=" + time.length);
        }
        for (int k = 0; k < n; k++) {
            if (user[k] < 0 || user[k] >= users.size()) {
                throw InvalidInputException.of("user index at entry " + k, user[k], "in [0, " + users.size() + ")");
            }
            if (item[k] < 0 || item[k] >= items.size()) {
                throw InvalidInputException.of("item index at entry " + k, item[k], "in [0, " + items.size() + ")");
            }
        }
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.value = value;
        this.time = time;
    }

    /** Number of entries. */
    public int size() {
        return user.length;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int user(int k) {
        return user[k];
    }

    public int item(int k) {
        return item[k];
    }

    public float value(int k) {
        return value[k];
    }

    public long time(int k) {
        return time[k];
    }

    /** The internal user-index array; read only. */
    public int[] userArray() {
        return user;
    }

    /** The internal item-index array; read only. */
    public int[] itemArray() {
        return item;
    }

    /** The internal value array; read only. */
    public float[] valueArray() {
        return value;
    }

    /** The internal time array; read only. */
    public long[] timeArray() {
        return time;
    }

    /** Mean of all values (NaN when empty). */
    public double meanValue() {
        double s = 0;
        for (float v : value) {
            s += v;
        }
        return value.length == 0 ? Double.NaN : s / value.length;
    }

    /**
     * The entries at the given positions, with the same user and item indexes (used by splits).
     */
    public Interactions subset(int[] positions) {
        int m = positions.length;
        int[] u = new int[m];
        int[] i = new int[m];
        float[] v = new float[m];
        long[] t = new long[m];
        for (int j = 0; j < m; j++) {
            int k = positions[j];
            u[j] = user[k];
            i[j] = item[k];
            v[j] = value[k];
            t[j] = time[k];
        }
        return new Interactions(users, items, u, i, v, t);
    }

    /**
     * sha256 (hex) over the entries as external ids, values and times, in order: the data
     * fingerprint that model provenance records.
     */
    public String fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(28 * 1024);
        for (int k = 0; k < user.length; k++) {
            if (buf.remaining() < 28) {
                sha.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(users.id(user[k])).putLong(items.id(item[k])).putFloat(value[k]).putLong(time[k]);
        }
        sha.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " entries, " + users.size() + " users, " + items.size() + " items]";
    }
}
