package io.marquee.predict.dropoff;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * What each viewer has done so far, updated one clean watch event (and one rating) at a time in
 * time order, so that the features of an event are read <em>before</em> the event itself is added:
 * counts and completions overall, per genre and on long films, per-genre rating sums, the last
 * view (start, end, outcome, place in its session), and the films seen and completed. Flat
 * primitive arrays over all viewers; the seen/completed films live in one hash map keyed by
 * (viewer, film).
 */
final class UserHistory {
    /** Films of at least this many minutes count as long. */
    static final int LONG_FILM_MINUTES = 120;

    private final int genres;
    final int[] views;
    final int[] completions;
    final int[] longViews;
    final int[] longCompletions;
    final int[] genreViews;
    final int[] genreCompletions;
    final float[] genreRatingSum;
    final int[] genreRatingCount;
    /** Σ (completed − expected) over views: completion beyond what the films predicted. */
    final float[] excess;
    final float[] genreExcess;
    /** Σ x·(completed − expected) and Σ x² with x = (runtime − 100) / 30: the viewer's runtime slope. */
    final float[] runtimeXY;
    final float[] runtimeXX;
    /** Σ (completed − baseline), Σ baseline·(1 − baseline), and the same weighted by x and x²: see {@link ContextBaseline}. */
    final float[] resid;
    final float[] residInfo;
    final float[] residX;
    final float[] residInfoX;
    final long[] lastStart;
    final long[] lastEnd;
    final int[] sessionPosition;
    final byte[] lastDropped;
    /** (user << 32 | film) → bit 1 seen, bit 2 completed. */
    final Long2IntOpenHashMap films = new Long2IntOpenHashMap();

    UserHistory(int users, int genres) {
        this.genres = genres;
        views = new int[users];
        completions = new int[users];
        longViews = new int[users];
        longCompletions = new int[users];
        genreViews = new int[users * genres];
        genreCompletions = new int[users * genres];
        genreRatingSum = new float[users * genres];
        genreRatingCount = new int[users * genres];
        excess = new float[users];
        genreExcess = new float[users * genres];
        runtimeXY = new float[users];
        runtimeXX = new float[users];
        resid = new float[users];
        residInfo = new float[users];
        residX = new float[users];
        residInfoX = new float[users];
        lastStart = new long[users];
        lastEnd = new long[users];
        Arrays.fill(lastStart, Long.MIN_VALUE);
        Arrays.fill(lastEnd, Long.MIN_VALUE);
        sessionPosition = new int[users];
        lastDropped = new byte[users];
        films.defaultReturnValue(0);
    }

    int genres() {
        return genres;
    }

    /**
     * Adds a clean view.
     *
     * @param expected          the completion rate expected of the film when it was watched (its
     *                          smoothed completion rate then)
     * @param baseline          P(completed) of the view by the {@link ContextBaseline} in force
     *                          when it started
     * @param sessionGapSeconds a view starting at most this long after the previous view's end
     *                          continues its session
     */
    void view(int u, int film, int[] filmGenres, int runtime, long start, float watchedMinutes, boolean dropped,
              double expected, double baseline, long sessionGapSeconds) {
        boolean completed = !dropped;
        double resid = (completed ? 1 : 0) - expected;
        excess[u] += (float) resid;
        double x = (runtime - 100) / 30.0;
        double rb = (completed ? 1 : 0) - baseline;
        double info = baseline * (1 - baseline);
        this.resid[u] += (float) rb;
        residInfo[u] += (float) info;
        residX[u] += (float) (x * rb);
        residInfoX[u] += (float) (x * x * info);
        runtimeXY[u] += (float) (x * resid);
        runtimeXX[u] += (float) (x * x);
        sessionPosition[u] = position(u, start, sessionGapSeconds);
        views[u]++;
        completions[u] += completed ? 1 : 0;
        if (runtime >= LONG_FILM_MINUTES) {
            longViews[u]++;
            longCompletions[u] += completed ? 1 : 0;
        }
        for (int g : filmGenres) {
            if (g < genres) {
                genreViews[u * genres + g]++;
                genreCompletions[u * genres + g] += completed ? 1 : 0;
                genreExcess[u * genres + g] += (float) resid;
            }
        }
        lastStart[u] = start;
        lastEnd[u] = start + Math.round(Math.max(0, watchedMinutes) * 60.0);
        lastDropped[u] = (byte) (dropped ? 1 : 0);
        long key = ((long) u << 32) | (film & 0xffffffffL);
        films.put(key, films.get(key) | 1 | (completed ? 2 : 0));
    }

    /** Adds a rating the viewer gave a film of these genres. */
    void rating(int u, int[] filmGenres, float value) {
        for (int g : filmGenres) {
            if (g < genres) {
                genreRatingSum[u * genres + g] += value;
                genreRatingCount[u * genres + g]++;
            }
        }
    }

    /** The session position a view starting at {@code start} would have (0 = first of its session). */
    int position(int u, long start, long sessionGapSeconds) {
        if (views[u] == 0 || lastEnd[u] == Long.MIN_VALUE) {
            return 0;
        }
        long gap = start - lastEnd[u];
        return gap >= -60 && gap <= sessionGapSeconds ? sessionPosition[u] + 1 : 0;
    }

    /**
     * The viewer's genre viewing shares (views in each genre / all genre memberships of the
     * viewer's views), or null without history. A new array.
     */
    double[] shares(int u) {
        if (views[u] == 0) {
            return null;
        }
        double[] s = new double[genres];
        double total = 0;
        for (int g = 0; g < genres; g++) {
            s[g] = genreViews[u * genres + g];
            total += s[g];
        }
        if (total == 0) {
            return null;
        }
        for (int g = 0; g < genres; g++) {
            s[g] /= total;
        }
        return s;
    }

    /** 1 seen, 2 completed (bit flags) for (viewer, film). */
    int filmFlags(int u, int film) {
        return films.get(((long) u << 32) | (film & 0xffffffffL));
    }
}
