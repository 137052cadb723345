package io.marquee.core.data;

import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * An immutable two-way map between external ids (the service's {@code long} ids) and dense
 * indices {@code 0 … size-1}, in the order the ids were first added. Algorithms work on dense
 * indices; ids appear only at the edges.
 */
public final class IdIndex {
    private final long[] ids;
    private final Long2IntOpenHashMap indexOf;

    private IdIndex(long[] ids, Long2IntOpenHashMap indexOf) {
        this.ids = ids;
        this.indexOf = indexOf;
    }

    /** An index of the given distinct ids, in that order. */
    public static IdIndex of(long... ids) {
        Builder b = new Builder();
        for (long id : ids) {
            if (b.contains(id)) {
                throw new InvalidInputException("duplicate id " + id + " in IdIndex.of");
            }
            b.add(id);
        }
        return b.build();
    }

    /** Number of ids. */
    public int size() {
        return ids.length;
    }

    /** Dense index of {@code id}, or -1 when the id is unknown. */
    public int indexOf(long id) {
        return indexOf.get(id);
    }

    /** Whether the id is known. */
    public boolean contains(long id) {
        return indexOf.containsKey(id);
    }

    /** External id at a dense index. */
    public long id(int index) {
        return ids[index];
    }

    /** A copy of all ids in index order. */
    public long[] ids() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdIndex[" + ids.length + " ids]";
    }

    /** Builds an index by adding ids; adding a known id returns its existing index. */
    public static final class Builder {
        private final Long2IntOpenHashMap map = new Long2IntOpenHashMap();
        private long[] ids = new long[16];
        private int size;

        public Builder() {
            map.defaultReturnValue(-1);
        }

        /** Dense index of {@code id}, adding it when new. */
        public int add(long id) {
            int existing = map.get(id);
            if (existing >= 0) {
                return existing;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size] = id;
            map.put(id, size);
            return size++;
        }

        /** Dense index of {@code id}, or -1. */
        public int indexOf(long id) {
            return map.get(id);
        }

        public boolean contains(long id) {
            return map.containsKey(id);
        }

        public int size() {
            return size;
        }

        public IdIndex build() {
            Long2IntOpenHashMap copy = new Long2IntOpenHashMap(map);
            copy.defaultReturnValue(-1);
            copy.trim();
            return new IdIndex(Arrays.copyOf(ids, size), copy);
        }
    }
}
