package io.marquee.recommend.online;

import io.marquee.core.error.InvalidInputException;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.Recommendations;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMaps;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.function.IntPredicate;

/**
 * A factor model with some viewers replaced or added by fold-in: a folded viewer scores
 * μ + b_u + b_i + x_u · q_i with their {@link FoldedUser}; everyone else is scored by the model.
 * Folded viewers may have indices beyond the model's users (brand-new viewers), so
 * {@link #userCount()} grows with them. Users the model does not know and that were not folded in
 * get the model's own non-personal scores (an index beyond the model: μ + b_i).
 *
 * <p>Thread-safe, copy-on-write: readers take the current immutable snapshot without locking; a
 * write copies the map (O(folded users)) and publishes the copy. Meant for the viewers who rated
 * since the last retraining, not for millions.
 */
public final class OverlayScorer implements ItemScorer {
    private final FactorModel base;
    private final int rank;
    private final int items;
    private final float[] factors;
    private volatile Snapshot snapshot;

    private record Snapshot(Int2ObjectMap<FoldedUser> users, int userCount) {
    }

    public OverlayScorer(FactorModel base) {
        this.base = base;
        this.rank = base.rank();
        this.items = base.itemCount();
        this.factors = base.itemFactorArray();
        this.snapshot = new Snapshot(Int2ObjectMaps.emptyMap(), base.userCount());
    }

    /** The wrapped model. */
    public FactorModel base() {
        return base;
    }

    /** Sets (or replaces) the folded state of a viewer; the next score reflects it. */
    public synchronized void put(int user, FoldedUser folded) {
        if (user < 0) {
            throw InvalidInputException.of("user index", user, ">= 0");
        }
        if (folded.rank() != rank) {
            throw InvalidInputException.of("folded user rank", folded.rank(), "the model's rank " + rank);
        }
        Snapshot s = snapshot;
        Int2ObjectOpenHashMap<FoldedUser> copy = new Int2ObjectOpenHashMap<>(s.users());
        copy.put(user, folded);
        snapshot = new Snapshot(Int2ObjectMaps.unmodifiable(copy), Math.max(s.userCount(), user + 1));
    }

    /** Adds a brand-new viewer after every index in use and returns their index. */
    public synchronized int add(FoldedUser folded) {
        int user = snapshot.userCount();
        put(user, folded);
        return user;
    }

    /** Drops a viewer's folded state (e.g. after retraining includes them). */
    public synchronized void remove(int user) {
        Snapshot s = snapshot;
        if (!s.users().containsKey(user)) {
            return;
        }
        Int2ObjectOpenHashMap<FoldedUser> copy = new Int2ObjectOpenHashMap<>(s.users());
        copy.remove(user);
        snapshot = new Snapshot(Int2ObjectMaps.unmodifiable(copy), s.userCount());
    }

    /** The folded state of a viewer, or {@code null}. */
    public FoldedUser folded(int user) {
        return snapshot.users().get(user);
    }

    /** How many viewers are folded in. */
    public int foldedCount() {
        return snapshot.users().size();
    }

    @Override
    public int userCount() {
        return snapshot.userCount();
    }

    @Override
    public int itemCount() {
        return items;
    }

    @Override
    public boolean knowsUser(int user) {
        return snapshot.users().containsKey(user)
                || (user >= 0 && user < base.userCount() && base.knowsUser(user));
    }

    @Override
    public void scoreAll(int user, float[] out) {
        FoldedUser f = snapshot.users().get(user);
        if (f != null) {
            float offset = base.globalMean() + f.bias();
            for (int i = 0; i < items; i++) {
                out[i] = offset + base.itemBias(i) + f.dot(factors, i);
            }
        } else if (user >= 0 && user < base.userCount()) {
            base.scoreAll(user, out);
        } else {
            float mu = base.globalMean();
            for (int i = 0; i < items; i++) {
                out[i] = mu + base.itemBias(i);
            }
        }
    }

    /**
     * The best n items by {@link #scoreAll}, bit for bit: a folded viewer's vector goes through the
     * base model's {@link FactorModel#topNIndex}, everyone else through the base model.
     */
    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        FoldedUser f = snapshot.users().get(user);
        if (f != null) {
            float offset = base.globalMean() + f.bias();
            return base.topNIndex().topN(f.vector(), 0, offset, n, exclude,
                    i -> offset + base.itemBias(i) + f.dot(factors, i));
        }
        if (user >= 0 && user < base.userCount()) {
            return base.topN(user, n, exclude);
        }
        return ItemScorer.super.topN(user, n, exclude);
    }

    @Override
    public float score(int user, int item) {
        if (item < 0 || item >= items) {
            throw InvalidInputException.of("item index", item, "in [0, " + items + ")");
        }
        FoldedUser f = snapshot.users().get(user);
        if (f != null) {
            return base.globalMean() + f.bias() + base.itemBias(item) + f.dot(factors, item);
        }
        if (user >= 0 && user < base.userCount()) {
            return base.score(user, item);
        }
        return base.globalMean() + base.itemBias(item);
    }
}
