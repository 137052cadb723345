package io.marquee.recommend;

import java.util.function.IntPredicate;

/**
 * A scorer that asks {@code primary} for users it knows and {@code fallback} (typically
 * popularity) for the rest — the composition that gives cold users sensible lists.
 */
public final class Fallback implements ItemScorer {
    private final ItemScorer primary;
    private final ItemScorer fallback;

    public Fallback(ItemScorer primary, ItemScorer fallback) {
        if (primary.itemCount() != fallback.itemCount()) {
            throw new IllegalArgumentException("primary and fallback must score the same items, had "
                    + primary.itemCount() + " and " + fallback.itemCount());
        }
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public int userCount() {
        return Math.max(primary.userCount(), fallback.userCount());
    }

    @Override
    public int itemCount() {
        return primary.itemCount();
    }

    @Override
    public boolean knowsUser(int user) {
        return primary.knowsUser(user) || fallback.knowsUser(user);
    }

    /** Whether the primary scorer serves this user. */
    public boolean usesPrimary(int user) {
        return user >= 0 && user < primary.userCount() && primary.knowsUser(user);
    }

    @Override
    public void scoreAll(int user, float[] out) {
        (usesPrimary(user) ? primary : fallback).scoreAll(user, out);
    }

    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        return (usesPrimary(user) ? primary : fallback).topN(user, n, exclude);
    }

    @Override
    public float score(int user, int item) {
        return (usesPrimary(user) ? primary : fallback).score(user, item);
    }
}
