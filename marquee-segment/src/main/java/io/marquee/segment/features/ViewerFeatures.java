package io.marquee.segment.features;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.data.WatchLog;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-viewer behaviour features for segmentation, computed from the watch log and the ratings of a
 * {@link Dataset} (demographics are deliberately left out: segments describe behaviour, and the
 * representation check then looks at how age groups and genders spread over them).
 *
 * <table>
 *   <caption>Features (in order)</caption>
 *   <tr><td>views_log</td><td>ln(1 + views)</td></tr>
 *   <tr><td>views_per_week</td><td>views / max(1, weeks between first and last view)</td></tr>
 *   <tr><td>distinct_share</td><td>distinct films / views (1 − rewatching)</td></tr>
 *   <tr><td>completion_rate</td><td>share of views watched to the end</td></tr>
 *   <tr><td>watched_fraction</td><td>mean of min(1, watched / runtime) over plausible durations</td></tr>
 *   <tr><td>mean_runtime</td><td>mean runtime (minutes) of the films viewed</td></tr>
 *   <tr><td>binge_share</td><td>share of views starting ≤ 30 min after the previous view ended</td></tr>
 *   <tr><td>ratings_log</td><td>ln(1 + ratings)</td></tr>
 *   <tr><td>rating_rate</td><td>ratings / views</td></tr>
 *   <tr><td>rating_mean, rating_sd</td><td>mean and standard deviation of the viewer's ratings (NaN below 1 and 2 ratings)</td></tr>
 *   <tr><td>weekend_share</td><td>share of views starting on Saturday or Sunday</td></tr>
 *   <tr><td>daytime_share, evening_share, late_night_share</td><td>share of views starting 05–17 h, 18–22 h, 23–04 h</td></tr>
 *   <tr><td>device_share_*</td><td>share of views on each device of the {@link FeatureSpec}</td></tr>
 *   <tr><td>recency_days</td><td>days from the last view to the reference time</td></tr>
 *   <tr><td>tenure_days</td><td>days from the first view to the reference time</td></tr>
 *   <tr><td>genre_share_*</td><td>share of views per genre of the {@link FeatureSpec}, a film with g genres counting 1/g for each</td></tr>
 * </table>
 *
 * <p>Cleaning done here: duplicated watch events (same viewer, film and start) count once;
 * durations that are negative or longer than three runtimes are left out of
 * {@code watched_fraction} and clipped for the binge gap. Times are read as the viewer's local
 * clock (UTC epoch seconds, as Marquee stores them). The reference time is the end of the window
 * (by default one second after the last watch event of the data set). When the data set has no
 * watch events (MovieLens), ratings stand in for views and the watch-only features are NaN.
 */
public final class ViewerFeatures {
    /** Base feature names, before the device and genre shares. */
    public static final List<String> BASE = List.of("views_log", "views_per_week", "distinct_share",
            "completion_rate", "watched_fraction", "mean_runtime", "binge_share", "ratings_log", "rating_rate",
            "rating_mean", "rating_sd", "weekend_share", "daytime_share", "evening_share", "late_night_share");
    private static final long BINGE_GAP_SECONDS = 30 * 60;

    /** A half-open time window {@code [from, to)} in epoch seconds. */
    public record Window(long from, long to) {
        public Window {
            if (to <= from) {
                throw new InvalidInputException("window: to (" + to + ") must be after from (" + from + ")");
            }
        }

        /** No restriction. */
        public static Window all() {
            return new Window(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        }
    }

    private ViewerFeatures() {
    }

    /** Names of the features computed under {@code spec}, in column order. */
    public static List<String> names(FeatureSpec spec) {
        List<String> names = new ArrayList<>(BASE);
        for (String dv : spec.devices()) {
            names.add("device_share_" + slug(dv));
        }
        names.add("recency_days");
        names.add("tenure_days");
        for (String g : spec.genres()) {
            names.add("genre_share_" + slug(g));
        }
        return names;
    }

    /** A short readable label of a feature name, for reports. */
    public static String label(String name) {
        return switch (name) {
            case "views_log" -> "views (log)";
            case "views_per_week" -> "views per week";
            case "distinct_share" -> "distinct-film share";
            case "completion_rate" -> "completion rate";
            case "watched_fraction" -> "watched fraction";
            case "mean_runtime" -> "mean runtime (min)";
            case "binge_share" -> "binge share";
            case "ratings_log" -> "ratings (log)";
            case "rating_rate" -> "ratings per view";
            case "rating_mean" -> "mean rating";
            case "rating_sd" -> "rating spread (sd)";
            case "weekend_share" -> "weekend share";
            case "daytime_share" -> "daytime share";
            case "evening_share" -> "evening share";
            case "late_night_share" -> "late-night share";
            case "recency_days" -> "days since last view";
            case "tenure_days" -> "days since first view";
            default -> {
                if (name.startsWith("genre_share_")) {
                    yield name.substring("genre_share_".length()) + " share";
                }
                if (name.startsWith("device_share_")) {
                    yield name.substring("device_share_".length()) + " share";
                }
                yield name;
            }
        };
    }

    /** Lower-case identifier form of a genre or device name ({@code Sci-Fi} → {@code sci_fi}). */
    public static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /** One second after the last watch event (or rating, without watch events) of the data set. */
    public static long referenceTime(Dataset data) {
        long max = Long.MIN_VALUE;
        WatchLog w = data.watches();
        if (w.size() > 0) {
            for (long t : w.startedAtArray()) {
                max = Math.max(max, t);
            }
        } else {
            for (long t : data.ratings().timeArray()) {
                max = Math.max(max, t);
            }
        }
        return max == Long.MIN_VALUE ? 0 : max + 1;
    }

    /** Features of every viewer with at least {@code minViews} views, over the whole data set. */
    public static FeatureMatrix compute(Dataset data, FeatureSpec spec, int minViews) {
        return compute(data, spec, minViews, Window.all(), referenceTime(data));
    }

    /**
     * Features of every viewer with at least {@code minViews} views inside the window, with
     * recency and tenure measured to {@code reference}.
     */
    public static FeatureMatrix compute(Dataset data, FeatureSpec spec, int minViews, Window window, long reference) {
        if (minViews < 1) {
            throw InvalidInputException.of("min_views", minViews, ">= 1");
        }
        Events ev = Events.of(data, window);
        List<String> names = names(spec);
        int d = names.size();
        int users = data.users().size();
        Context ctx = new Context(data, spec, reference);
        int rows = 0;
        for (int u = 0; u < users; u++) {
            if (ev.count(u) >= minViews) {
                rows++;
            }
        }
        double[] out = new double[rows * d];
        int[] index = new int[rows];
        long[] ids = new long[rows];
        RatingStats rs = RatingStats.of(data.ratings(), window);
        int r = 0;
        for (int u = 0; u < users; u++) {
            if (ev.count(u) < minViews) {
                continue;
            }
            ctx.fill(ev, u, rs, out, r * d);
            index[r] = u;
            ids[r] = data.users().id(u);
            r++;
        }
        return new FeatureMatrix(names, index, ids, out);
    }

    /**
     * Raw features of one viewer (by external id) over the whole data set, in the column order of
     * {@link #names(FeatureSpec)}; a viewer without any view gets NaN for every share. Builds an
     * {@link Index} of the whole data set, O(events): to place many viewers, build one with
     * {@link #index(Dataset)} and ask it.
     *
     * @throws NotFoundException when the data set has no such viewer
     */
    public static double[] forViewer(Dataset data, FeatureSpec spec, long userId) {
        return index(data).forViewer(spec, userId);
    }

    /** An index of every viewer's events in {@code data}, built once in O(events) for serving. */
    public static Index index(Dataset data) {
        return new Index(data);
    }

    /**
     * Every viewer's watch events (or ratings), sorted by time and deduplicated, plus every viewer's
     * rating count, sum and sum of squares, and the reference time of the data set: what
     * {@link #compute(Dataset, FeatureSpec, int)} builds for the batch, kept so that one viewer's
     * features ({@link #forViewer(FeatureSpec, long)}) cost O(that viewer's events) and equal the
     * viewer's row of the batch computation. Immutable and thread-safe; holds a reference to the
     * data set.
     */
    public static final class Index {
        private final Dataset data;
        private final Events events;
        private final RatingStats ratings;
        private final long reference;

        private Index(Dataset data) {
            this.data = data;
            this.events = Events.of(data, Window.all());
            this.ratings = RatingStats.of(data.ratings(), Window.all());
            this.reference = ViewerFeatures.referenceTime(data);
        }

        /** The indexed data set. */
        public Dataset data() {
            return data;
        }

        /** Recency and tenure are measured to this time ({@link #referenceTime(Dataset)}). */
        public long referenceTime() {
            return reference;
        }

        /** Views (deduplicated watch events, or ratings without a watch log) of a viewer by index. */
        public int views(int userIndex) {
            return events.count(userIndex);
        }

        /**
         * Raw features of one viewer (by external id), in the column order of
         * {@link #names(FeatureSpec)}; a viewer without any view gets NaN for every share. Costs
         * O(the viewer's events + genres and devices of the spec).
         *
         * @throws NotFoundException when the data set has no such viewer
         */
        public double[] forViewer(FeatureSpec spec, long userId) {
            int u = data.users().indexOf(userId);
            if (u < 0) {
                throw new NotFoundException("viewer " + userId + " is not in the data set");
            }
            double[] out = new double[names(spec).size()];
            new Context(data, spec, reference).fill(events, u, ratings, out, 0);
            return out;
        }
    }

    /** Watch events (or ratings) per user, sorted by time, duplicates removed, inside a window. */
    static final class Events {
        final int[] offset;
        final int[] pos;
        final boolean fromWatches;

        private Events(int[] offset, int[] pos, boolean fromWatches) {
            this.offset = offset;
            this.pos = pos;
            this.fromWatches = fromWatches;
        }

        int count(int u) {
            return offset[u + 1] - offset[u];
        }

        static Events of(Dataset data, Window window) {
            int users = data.users().size();
            boolean fromWatches = data.watches().size() > 0;
            int[] user = fromWatches ? data.watches().userArray() : data.ratings().userArray();
            long[] time = fromWatches ? data.watches().startedAtArray() : data.ratings().timeArray();
            int[] item = fromWatches ? data.watches().itemArray() : data.ratings().itemArray();
            int[] counts = new int[users + 1];
            for (int k = 0; k < user.length; k++) {
                if (time[k] >= window.from() && time[k] < window.to()) {
                    counts[user[k] + 1]++;
                }
            }
            for (int u = 0; u < users; u++) {
                counts[u + 1] += counts[u];
            }
            int[] pos = new int[counts[users]];
            int[] fill = Arrays.copyOf(counts, users);
            for (int k = 0; k < user.length; k++) {
                if (time[k] >= window.from() && time[k] < window.to()) {
                    pos[fill[user[k]]++] = k;
                }
            }
            return dedupe(counts, pos, time, item, users, fromWatches);
        }

        private static Events dedupe(int[] offset, int[] pos, long[] time, int[] item, int users, boolean fromWatches) {
            int[] newOffset = new int[users + 1];
            int w = 0;
            for (int u = 0; u < users; u++) {
                int from = offset[u];
                int to = offset[u + 1];
                sortByTime(pos, from, to, time, item);
                newOffset[u] = w;
                for (int k = from; k < to; k++) {
                    int p = pos[k];
                    if (k > from) {
                        int q = pos[k - 1];
                        if (time[q] == time[p] && item[q] == item[p]) {
                            continue; // duplicate event
                        }
                    }
                    pos[w++] = p;
                }
            }
            newOffset[users] = w;
            return new Events(newOffset, Arrays.copyOf(pos, w), fromWatches);
        }

        private static void sortByTime(int[] pos, int from, int to, long[] time, int[] item) {
            // insertion sort: a viewer's events are usually already in time order
            for (int i = from + 1; i < to; i++) {
                int p = pos[i];
                int j = i - 1;
                while (j >= from && after(pos[j], p, time, item)) {
                    pos[j + 1] = pos[j];
                    j--;
                }
                pos[j + 1] = p;
            }
        }

        private static boolean after(int a, int b, long[] time, int[] item) {
            if (time[a] != time[b]) {
                return time[a] > time[b];
            }
            if (item[a] != item[b]) {
                return item[a] > item[b];
            }
            return a > b;
        }
    }

    /** Ratings count, sum and sum of squares per user inside a window. */
    record RatingStats(int[] count, double[] sum, double[] sumSq) {
        static RatingStats of(Interactions r, Window window) {
            int users = r.users().size();
            int[] c = new int[users];
            double[] s = new double[users];
            double[] q = new double[users];
            for (int k = 0; k < r.size(); k++) {
                long t = r.time(k);
                if (t >= window.from() && t < window.to()) {
                    int u = r.user(k);
                    double v = r.value(k);
                    c[u]++;
                    s[u] += v;
                    q[u] += v * v;
                }
            }
            return new RatingStats(c, s, q);
        }
    }

    /** Fills one viewer's row. */
    private static final class Context {
        private final Dataset data;
        private final Catalogue cat;
        private final long reference;
        private final int[] deviceCode;
        private final int[] genreColumn;
        private final int deviceBase;
        private final int genreBase;
        private final int recencyCol;
        private final double[] genreScratch;
        private final double[] deviceScratch;

        Context(Dataset data, FeatureSpec spec, long reference) {
            this.data = data;
            this.cat = data.catalogue();
            this.reference = reference;
            List<String> devNames = data.watches().deviceNames();
            deviceCode = new int[devNames.size()];
            Arrays.fill(deviceCode, -1);
            for (int i = 0; i < devNames.size(); i++) {
                deviceCode[i] = spec.devices().indexOf(devNames.get(i));
            }
            List<String> genreNames = cat.genreNames();
            genreColumn = new int[genreNames.size()];
            for (int g = 0; g < genreNames.size(); g++) {
                genreColumn[g] = spec.genres().indexOf(genreNames.get(g));
            }
            deviceBase = BASE.size();
            recencyCol = deviceBase + spec.devices().size();
            genreBase = recencyCol + 2;
            genreScratch = new double[spec.genres().size()];
            deviceScratch = new double[spec.devices().size()];
        }

        void fill(Events ev, int u, RatingStats rs, double[] out, int o) {
            int from = ev.offset[u];
            int to = ev.offset[u + 1];
            int views = to - from;
            WatchLog w = data.watches();
            Interactions ratings = data.ratings();
            Arrays.fill(genreScratch, 0);
            Arrays.fill(deviceScratch, 0);
            int completed = 0;
            double fracSum = 0;
            int fracN = 0;
            double runtimeSum = 0;
            int runtimeN = 0;
            int binge = 0;
            int weekend = 0;
            int day = 0;
            int evening = 0;
            int late = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long prevEnd = Long.MIN_VALUE;
            it.unimi.dsi.fastutil.ints.IntOpenHashSet distinct = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
            for (int k = from; k < to; k++) {
                int p = ev.pos[k];
                int item;
                long t;
                if (ev.fromWatches) {
                    item = w.item(p);
                    t = w.startedAt(p);
                    int runtime = w.runtimeMinutes(p) > 0 ? w.runtimeMinutes(p) : cat.runtimeMinutes(item);
                    float watched = w.watchedMinutes(p);
                    if (w.completed(p)) {
                        completed++;
                    }
                    if (runtime > 0) {
                        runtimeSum += runtime;
                        runtimeN++;
                        if (watched >= 0 && watched <= 3.0 * runtime) {
                            fracSum += Math.min(1.0, watched / runtime);
                            fracN++;
                        }
                    }
                    double clipped = runtime > 0 ? Math.max(0, Math.min(watched, runtime)) : Math.max(0, watched);
                    if (Double.isNaN(clipped)) {
                        clipped = 0;
                    }
                    if (prevEnd != Long.MIN_VALUE && t - prevEnd <= BINGE_GAP_SECONDS) {
                        binge++;
                    }
                    prevEnd = t + (long) (clipped * 60);
                    int code = deviceCodeOf(w, p);
                    if (code >= 0) {
                        deviceScratch[code]++;
                    }
                } else {
                    item = ratings.item(p);
                    t = ratings.time(p);
                }
                distinct.add(item);
                first = Math.min(first, t);
                last = Math.max(last, t);
                int hour = (int) Math.floorMod(Math.floorDiv(t, 3600L), 24L);
                int dow = (int) Math.floorMod(Math.floorDiv(t, 86_400L) + 3, 7L); // 0 = Monday
                if (dow >= 5) {
                    weekend++;
                }
                if (hour >= 23 || hour < 5) {
                    late++;
                } else if (hour >= 18) {
                    evening++;
                } else {
                    day++;
                }
                int[] g = cat.genres(item);
                for (int gid : g) {
                    int col = genreColumn[gid];
                    if (col >= 0) {
                        genreScratch[col] += 1.0 / g.length;
                    }
                }
            }
            double nan = Double.NaN;
            double v = views;
            int nr = rs.count()[u];
            out[o] = Math.log1p(views);
            double weeks = views == 0 ? 1 : Math.max(1.0, (last - first) / 604_800.0);
            out[o + 1] = views / weeks;
            out[o + 2] = views == 0 ? nan : distinct.size() / v;
            boolean w8 = ev.fromWatches && views > 0;
            out[o + 3] = w8 ? completed / v : nan;
            out[o + 4] = fracN > 0 ? fracSum / fracN : nan;
            out[o + 5] = runtimeN > 0 ? runtimeSum / runtimeN : nan;
            out[o + 6] = w8 ? binge / v : nan;
            out[o + 7] = Math.log1p(nr);
            out[o + 8] = views == 0 ? nan : nr / v;
            double mean = nr > 0 ? rs.sum()[u] / nr : nan;
            out[o + 9] = mean;
            out[o + 10] = nr > 1 ? Math.sqrt(Math.max(0, (rs.sumSq()[u] - nr * mean * mean) / (nr - 1))) : nan;
            out[o + 11] = views == 0 ? nan : weekend / v;
            out[o + 12] = views == 0 ? nan : day / v;
            out[o + 13] = views == 0 ? nan : evening / v;
            out[o + 14] = views == 0 ? nan : late / v;
            for (int i = 0; i < deviceScratch.length; i++) {
                out[o + deviceBase + i] = w8 ? deviceScratch[i] / v : nan;
            }
            out[o + recencyCol] = views == 0 ? nan : (reference - last) / 86_400.0;
            out[o + recencyCol + 1] = views == 0 ? nan : (reference - first) / 86_400.0;
            for (int i = 0; i < genreScratch.length; i++) {
                out[o + genreBase + i] = views == 0 ? nan : genreScratch[i] / v;
            }
        }

        private int deviceCodeOf(WatchLog w, int p) {
            int idx = w.deviceNames().indexOf(w.device(p));
            return idx < 0 ? -1 : deviceCode[idx];
        }
    }
}
