package io.marquee.predict.dropoff;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.data.WatchLog;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.table.Table;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * The drop-off examples of a data set: one row per clean watch event, in time order, with its
 * label (abandoned before {@code dropThreshold} × runtime), its split (fit, validation, test by
 * start time), its position in the {@link WatchLog} and the generator's true probability.
 *
 * <p>Built by replaying the watch log and the ratings in time order: the features of an event are
 * written from the viewer's and the film's state <em>before</em> the event, then the event is
 * added to that state. Ratings are added when their timestamp is earlier than the event's start.
 * Film statistics stop changing at the start of the test period (a deployed model knows only
 * the past); viewer histories keep growing through it, as they would in service.
 *
 * <p>Cleaning: an event whose runtime is unknown, whose watched minutes are negative or above
 * {@code absurdFactor} × runtime is <em>absurd</em>; an event with the same viewer, film and start
 * as an earlier one is a <em>duplicate</em>. Both are left out entirely: not trained on, not
 * tested on, not counted in any history.
 */
public final class DropoffExamples {
    /** Split codes. */
    public static final byte FIT = 0;
    public static final byte VALID = 1;
    public static final byte TEST = 2;

    private final DropoffFeatures.Columns columns;
    private final boolean[] y;
    private final byte[] split;
    private final int[] event;
    private final double[] truth;
    private final DropoffFeatures.Settings settings;
    private final FilmStats servingStats;
    private final TasteFactors servingTaste;
    private final ContextBaseline servingBaseline;
    private final long validStart;
    private final long testStart;
    private final int events;
    private final int absurd;
    private final int duplicates;

    private DropoffExamples(DropoffFeatures.Columns columns, boolean[] y, byte[] split, int[] event, double[] truth,
                            DropoffFeatures.Settings settings, FilmStats servingStats, TasteFactors servingTaste,
                            ContextBaseline servingBaseline, long validStart, long testStart, int events, int absurd, int duplicates) {
        this.columns = columns;
        this.y = y;
        this.split = split;
        this.event = event;
        this.truth = truth;
        this.settings = settings;
        this.servingStats = servingStats;
        this.servingTaste = servingTaste;
        this.servingBaseline = servingBaseline;
        this.validStart = validStart;
        this.testStart = testStart;
        this.events = events;
        this.absurd = absurd;
        this.duplicates = duplicates;
    }

    /** The runtime of event k: the event's own, else the catalogue's; 0 when unknown. */
    static int runtime(WatchLog w, Catalogue c, int k) {
        int r = w.runtimeMinutes(k);
        return r > 0 ? r : c.runtimeMinutes(w.item(k));
    }

    /**
     * The label: watched minutes below {@code threshold} × runtime. Minutes are stored as floats
     * rounded to 0.1, so a completed view at exactly 90 % can be stored a hair below it; the
     * comparison allows 0.001 minute for that.
     */
    static boolean dropped(float watchedMinutes, int runtime, double threshold) {
        return watchedMinutes < threshold * runtime - 1e-3;
    }

    /** Whether event k is absurd (see the class comment). */
    static boolean absurd(WatchLog w, Catalogue c, int k, double factor) {
        int r = runtime(w, c, k);
        float m = w.watchedMinutes(k);
        return r <= 0 || !(m >= 0) || m > factor * r;
    }

    /**
     * The clean events of a log in time order (start, then viewer, film and event id), duplicates
     * and absurd events removed; {@code counts[0]} receives the number of absurd events and
     * {@code counts[1]} the number of duplicates.
     */
    static int[] cleanOrder(WatchLog w, Catalogue c, double absurdFactor, int[] counts) {
        int n = w.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        long[] start = w.startedAtArray();
        int[] user = w.userArray();
        int[] item = w.itemArray();
        IntArrays.quickSort(order, (a, b) -> {
            int cmp = Long.compare(start[a], start[b]);
            if (cmp == 0) {
                cmp = Integer.compare(user[a], user[b]);
            }
            if (cmp == 0) {
                cmp = Integer.compare(item[a], item[b]);
            }
            return cmp != 0 ? cmp : Long.compare(w.eventId(a), w.eventId(b));
        });
        int[] kept = new int[n];
        int m = 0;
        int prev = -1;
        for (int k : order) {
            if (prev >= 0 && start[k] == start[prev] && user[k] == user[prev] && item[k] == item[prev]) {
                counts[1]++;
                continue;
            }
            prev = k;
            if (absurd(w, c, k, absurdFactor)) {
                counts[0]++;
                continue;
            }
            kept[m++] = k;
        }
        return java.util.Arrays.copyOf(kept, m);
    }

    /** Rating positions in time order. */
    static int[] ratingOrder(Interactions r) {
        int[] order = new int[r.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        long[] t = r.timeArray();
        IntArrays.quickSort(order, (a, b) -> {
            int cmp = Long.compare(t[a], t[b]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        return order;
    }

    /** Featurises every clean event of a data set. */
    public static DropoffExamples build(Dataset ds, DropoffParams p) {
        WatchLog w = ds.watches();
        Catalogue cat = ds.catalogue();
        int[] counts = new int[2];
        int[] order = cleanOrder(w, cat, p.absurdFactor(), counts);
        int n = order.length;
        if (n < 20) {
            throw InvalidInputException.of("clean watch events", n, "at least 20 to train a drop-off model");
        }
        long testStart = w.startedAt(order[(int) Math.floor((1 - p.testFraction()) * n)]);
        long validStart = w.startedAt(order[(int) Math.floor((1 - p.testFraction() - p.validFraction()) * n)]);
        if (validStart == w.startedAt(order[0])) {
            throw InvalidInputException.of("span of the watch log", "a single moment", "long enough to split by time");
        }
        boolean[] labels = new boolean[n];
        double completedFit = 0;
        int fitCount = 0;
        for (int j = 0; j < n; j++) {
            int k = order[j];
            labels[j] = dropped(w.watchedMinutes(k), runtime(w, cat, k), p.dropThreshold());
            if (w.startedAt(k) < validStart) {
                completedFit += labels[j] ? 0 : 1;
                fitCount++;
            }
        }
        Interactions ratings = ds.ratings();
        int[] rOrder = ratingOrder(ratings);
        double ratingSum = 0;
        int ratingCount = 0;
        for (int r : rOrder) {
            if (ratings.time(r) < validStart) {
                ratingSum += ratings.value(r);
                ratingCount++;
            }
        }
        DropoffFeatures.Settings settings = new DropoffFeatures.Settings(
                fitCount == 0 ? 0.5 : completedFit / fitCount, ratingCount == 0 ? 0 : ratingSum / ratingCount,
                p.priorStrength(), p.sessionGapMinutes() * 60L);

        List<String> genres = cat.genreNames();
        SurveyProfile[] profiles = new SurveyProfile[ds.viewers().size()];
        for (int u = 0; u < profiles.length; u++) {
            profiles[u] = SurveyProfile.lenient(ds.viewers().survey(u), genres);
        }
        DropoffFeatures.Columns cols = new DropoffFeatures.Columns(DropoffFeatures.schema(genres), n);
        UserHistory history = new UserHistory(ds.viewers().size(), genres.size());
        FilmStats rolling = new FilmStats(cat.size(), genres.size());
        FilmStats all = new FilmStats(cat.size(), genres.size());
        byte[] split = new byte[n];
        int[] event = new int[n];
        double[] truth = new double[n];
        // taste factors are refitted at these moments, each on the ratings given before it
        long[] refits = refitTimes(w, order, validStart, testStart);
        int refit = 0;
        TasteState taste = new TasteState(ds.viewers().size(), TasteFactors.none(cat.size()));
        ContextBaseline baseline = ContextBaseline.none();
        float[] baseInputs = new float[n * ContextBaseline.WIDTH];
        boolean[] completed = new boolean[n];
        int next = 0; // next rating to apply
        for (int j = 0; j < n; j++) {
            int k = order[j];
            long t = w.startedAt(k);
            while (next < rOrder.length && ratings.time(rOrder[next]) < t) {
                int r = rOrder[next++];
                applyRating(ratings, r, cat, history, rolling, all);
                taste.rating(ratings.user(r), ratings.item(r), ratings.value(r));
            }
            if (refit < refits.length && t >= refits[refit]) {
                // every applied rating is earlier than t, and t is the first start at or after the refit time
                taste.factors(TasteFactors.fit(ratings, java.util.Arrays.copyOf(rOrder, next),
                        views(ratings, w, order, j), p.seed()));
                baseline = ContextBaseline.fit(baseInputs, completed, j, p.seed());
                while (refit < refits.length && t >= refits[refit]) {
                    refit++;
                }
            }
            if (t >= testStart) {
                rolling.stop();
            }
            int u = w.user(k);
            int i = w.item(k);
            int runtime = runtime(w, cat, k);
            DropoffFeatures.write(cols, j, history, u, profiles[u], i, cat.genres(i), runtime, cat.year(i), rolling, i,
                    t, w.device(k), age(ds, u), settings, taste);
            split[j] = t >= testStart ? TEST : t >= validStart ? VALID : FIT;
            event[j] = k;
            truth[j] = w.trueDropoff(k);
            double expected = cols.d(DropoffFeatures.F_COMPLETION)[j];
            double[] share = history.shares(u);
            rolling.view(i, cat.genres(i), !labels[j], profiles[u], share);
            all.view(i, cat.genres(i), !labels[j], profiles[u], share);
            ContextBaseline.inputs(w.device(k), t, cols.d(DropoffFeatures.CHAIN)[j] > 0,
                    cols.d(DropoffFeatures.TV_GROUP)[j] > 0, runtime, cols.d(DropoffFeatures.H_SEEN_FILM)[j] > 0,
                    expected, cols.d(DropoffFeatures.M_FILM_BIAS)[j], baseInputs, j * ContextBaseline.WIDTH);
            double base = baseline.completion(baseInputs, j * ContextBaseline.WIDTH);
            completed[j] = !labels[j];
            taste.view(u, i, (history.filmFlags(u, i) & 1) == 0);
            history.view(u, i, cat.genres(i), runtime, t, w.watchedMinutes(k), labels[j], expected, base,
                    settings.sessionGapSeconds());
        }
        while (next < rOrder.length) {
            applyRating(ratings, rOrder[next++], cat, history, rolling, all);
        }
        TasteFactors servingTaste = TasteFactors.fit(ratings, rOrder, views(ratings, w, order, n), p.seed());
        ContextBaseline servingBaseline = ContextBaseline.fit(baseInputs, completed, n, p.seed());
        return new DropoffExamples(cols, labels, split, event, truth, settings, all.freeze(), servingTaste,
                servingBaseline, validStart, testStart, w.size(), counts[0], counts[1]);
    }

    /** The first {@code m} clean events (in time order) as views of value 1, indexed like the ratings. */
    static Interactions views(Interactions ratings, WatchLog w, int[] order, int m) {
        int[] user = new int[m];
        int[] item = new int[m];
        float[] value = new float[m];
        long[] time = new long[m];
        for (int j = 0; j < m; j++) {
            user[j] = w.user(order[j]);
            item[j] = w.item(order[j]);
            value[j] = 1f;
            time[j] = w.startedAt(order[j]);
        }
        return new Interactions(ratings.users(), ratings.items(), user, item, value, time);
    }

    /** Number of equal slices of events before the validation period, one taste refit at the start of each but the first. */
    static final int TASTE_SLICES = 7;

    /**
     * When the taste factors are refitted: at the starts of the events that cut the fit period
     * into {@link #TASTE_SLICES} equal slices (the first slice has none), at the start of the
     * validation period and at the start of the test period (the test period's factors know only
     * ratings given before it, as a deployed model would).
     */
    static long[] refitTimes(WatchLog w, int[] order, long validStart, long testStart) {
        int n = order.length;
        int fitEnd = 0;
        while (fitEnd < n && w.startedAt(order[fitEnd]) < validStart) {
            fitEnd++;
        }
        long[] out = new long[TASTE_SLICES + 1];
        int m = 0;
        for (int s = 1; s < TASTE_SLICES; s++) {
            long c = w.startedAt(order[(int) ((long) fitEnd * s / TASTE_SLICES)]);
            if (m == 0 || c > out[m - 1]) {
                out[m++] = c;
            }
        }
        for (long c : new long[] {validStart, testStart}) {
            if (m == 0 || c > out[m - 1]) {
                out[m++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** The viewer's age from the demographics, NaN when unknown. */
    static double age(Dataset ds, int u) {
        int a = ds.viewers().age(u);
        return a < 0 ? Double.NaN : a;
    }

    private static void applyRating(Interactions ratings, int r, Catalogue cat, UserHistory history, FilmStats rolling,
                                    FilmStats all) {
        int i = ratings.item(r);
        history.rating(ratings.user(r), cat.genres(i), ratings.value(r));
        rolling.rating(i, ratings.value(r));
        all.rating(i, ratings.value(r));
    }

    /** Number of examples (clean events). */
    public int size() {
        return y.length;
    }

    /** All examples as a table, in time order. */
    public Table table() {
        return columns.table();
    }

    /** Labels: {@code true} = abandoned. */
    public boolean[] labels() {
        return y;
    }

    /** Split code of every example ({@link #FIT}, {@link #VALID}, {@link #TEST}). */
    public byte[] split() {
        return split;
    }

    /** Position in the watch log of every example. */
    public int[] events() {
        return event;
    }

    /** The generator's true drop-off probability of every example (NaN when unknown). */
    public double[] truth() {
        return truth;
    }

    /** Example positions of one split, in time order. */
    public int[] rows(byte which) {
        int c = 0;
        for (byte s : split) {
            c += s == which ? 1 : 0;
        }
        int[] out = new int[c];
        int k = 0;
        for (int j = 0; j < split.length; j++) {
            if (split[j] == which) {
                out[k++] = j;
            }
        }
        return out;
    }

    DropoffFeatures.Settings settings() {
        return settings;
    }

    FilmStats servingStats() {
        return servingStats;
    }

    /** Taste factors fitted on every rating of the data set, for serving. */
    TasteFactors servingTaste() {
        return servingTaste;
    }

    /** The context baseline fitted on every clean event of the data set, for serving. */
    ContextBaseline servingBaseline() {
        return servingBaseline;
    }

    /** First start time (epoch s) of the validation period. */
    public long validStart() {
        return validStart;
    }

    /** First start time (epoch s) of the test period. */
    public long testStart() {
        return testStart;
    }

    /** Watch events in the log, before cleaning. */
    public int loggedEvents() {
        return events;
    }

    /** Events left out as absurd. */
    public int absurd() {
        return absurd;
    }

    /** Events left out as duplicates. */
    public int duplicates() {
        return duplicates;
    }

    /** Names of the feature columns (before the pipeline). */
    public List<String> columnNames() {
        return new ArrayList<>(columns.schema.names());
    }
}
