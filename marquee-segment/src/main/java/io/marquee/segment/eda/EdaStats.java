package io.marquee.segment.eda;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.data.Viewers;
import io.marquee.core.data.WatchLog;
import io.marquee.segment.features.Demographics;
import io.marquee.segment.features.FeatureMatrix;
import io.marquee.segment.features.FeatureSpec;
import io.marquee.segment.features.ViewerFeatures;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The numbers behind the EDA, computed once from a {@link Dataset}. A "view" is a watch event with
 * duplicates (same viewer, film and start) counted once; a data set without watch events
 * (MovieLens) uses its ratings as views. Times are read as the viewer's local clock (UTC epoch
 * seconds). Genre popularity counts a view once for every genre of its film ("views tagged").
 */
final class EdaStats {
    /** Watched minutes below 0 or above this many runtimes are impossible. */
    static final double ABSURD_RUNTIMES = 3.0;

    final boolean fromWatches;
    final int users;
    final int films;
    final long ratingCount;
    final long watchEvents;
    final long views;
    final long duplicates;
    final TreeMap<Double, Long> ratingHistogram = new TreeMap<>();
    final double ratingMean;
    final double ratingSd;
    final long[] viewsPerViewer;
    final long[] viewsPerFilm;
    final long[] ratingsPerViewer;
    final long[] completedPerViewer;
    final long[] completedPerFilm;
    final double[] ratingSumPerFilm;
    final long[] ratingCountPerFilm;
    final TreeMap<YearMonth, Long> perMonth = new TreeMap<>();
    final long[] perHour = new long[24];
    final long[] perWeekday = new long[7];
    final List<String> genres;
    final long[] genreViews;
    /** [age band][genre] tagged views; [age band] views. */
    final long[][] bandGenre;
    final long[] bandViews;
    final List<String> genders;
    final long[][] genderGenre;
    final long[] genderViews;
    final List<String> devices;
    final long[] deviceViews;
    final long[] deviceDropped;
    final long completed;
    final long minTime;
    final long maxTime;
    // data quality
    final long missingAge;
    final long implausibleAge;
    final long missingGender;
    final long missingOccupation;
    final long missingRegion;
    final long negativeDurations;
    final long hugeDurations;
    final long filmsWithoutGenres;
    final long filmsWithoutRuntime;
    final long filmsWithoutYear;
    final long ratingsOutOfRange;
    final long viewersWithoutViews;
    final long filmsWithoutViews;
    final long extremeViewers;
    final double extremeViewerThreshold;
    final double[] watchedRatio;
    // correlations
    final List<String> corrNames;
    final double[][] corr;

    EdaStats(Dataset data) {
        Catalogue cat = data.catalogue();
        Viewers viewers = data.viewers();
        Interactions ratings = data.ratings();
        WatchLog w = data.watches();
        users = viewers.size();
        films = cat.size();
        ratingCount = ratings.size();
        watchEvents = w.size();
        fromWatches = w.size() > 0;
        genres = cat.genreNames();
        int g = genres.size();
        genreViews = new long[g];
        List<String> bands = Demographics.AGE_BANDS;
        bandGenre = new long[bands.size()][g];
        bandViews = new long[bands.size()];
        TreeMap<String, Integer> genderIndex = new TreeMap<>();
        for (int u = 0; u < users; u++) {
            genderIndex.putIfAbsent(Demographics.gender(viewers.gender(u)), 0);
        }
        genders = new ArrayList<>(genderIndex.keySet());
        genderGenre = new long[genders.size()][g];
        genderViews = new long[genders.size()];
        int[] userGender = new int[users];
        int[] userBand = new int[users];
        long missAge = 0;
        long badAge = 0;
        long missGender = 0;
        long missOcc = 0;
        long missRegion = 0;
        for (int u = 0; u < users; u++) {
            userGender[u] = genders.indexOf(Demographics.gender(viewers.gender(u)));
            userBand[u] = Demographics.ageBandIndex(viewers.age(u));
            int age = viewers.age(u);
            if (age < 0) {
                missAge++;
            } else if (age < 5 || age > 100) {
                badAge++;
            }
            if (viewers.gender(u) == null || viewers.gender(u).isBlank()) {
                missGender++;
            }
            if (viewers.occupation(u) == null || viewers.occupation(u).isBlank()) {
                missOcc++;
            }
            if (viewers.region(u) == null || viewers.region(u).isBlank()) {
                missRegion++;
            }
        }
        missingAge = missAge;
        implausibleAge = badAge;
        missingGender = missGender;
        missingOccupation = missOcc;
        missingRegion = missRegion;

        // ratings
        double s = 0;
        double ss = 0;
        long outOfRange = 0;
        ratingsPerViewer = new long[users];
        ratingSumPerFilm = new double[films];
        ratingCountPerFilm = new long[films];
        for (int k = 0; k < ratings.size(); k++) {
            double v = ratings.value(k);
            s += v;
            ss += v * v;
            ratingHistogram.merge(Math.round(v * 2) / 2.0, 1L, Long::sum);
            ratingsPerViewer[ratings.user(k)]++;
            ratingSumPerFilm[ratings.item(k)] += v;
            ratingCountPerFilm[ratings.item(k)]++;
            if (v < 0.5 || v > 10) {
                outOfRange++;
            }
        }
        ratingsOutOfRange = outOfRange;
        ratingMean = ratingCount == 0 ? Double.NaN : s / ratingCount;
        ratingSd = ratingCount < 2 ? Double.NaN
                : Math.sqrt(Math.max(0, (ss - ratingCount * ratingMean * ratingMean) / (ratingCount - 1)));

        // views
        viewsPerViewer = new long[users];
        viewsPerFilm = new long[films];
        completedPerViewer = new long[users];
        completedPerFilm = new long[films];
        devices = w.deviceNames();
        deviceViews = new long[devices.size()];
        deviceDropped = new long[devices.size()];
        LongOpenHashSet seen = new LongOpenHashSet();
        long dup = 0;
        long v = 0;
        long comp = 0;
        long neg = 0;
        long huge = 0;
        long tMin = Long.MAX_VALUE;
        long tMax = Long.MIN_VALUE;
        List<Double> ratios = new ArrayList<>();
        int n = fromWatches ? w.size() : ratings.size();
        for (int k = 0; k < n; k++) {
            int u = fromWatches ? w.user(k) : ratings.user(k);
            int item = fromWatches ? w.item(k) : ratings.item(k);
            long t = fromWatches ? w.startedAt(k) : ratings.time(k);
            if (fromWatches) {
                long key = (((long) u * 1_000_003L + item) * 0x9E3779B97F4A7C15L) ^ t;
                if (!seen.add(key)) {
                    dup++;
                    continue;
                }
            }
            v++;
            viewsPerViewer[u]++;
            viewsPerFilm[item]++;
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
            perMonth.merge(YearMonth.from(Instant.ofEpochSecond(t).atOffset(ZoneOffset.UTC)), 1L, Long::sum);
            perHour[(int) Math.floorMod(Math.floorDiv(t, 3600L), 24L)]++;
            perWeekday[(int) Math.floorMod(Math.floorDiv(t, 86_400L) + 3, 7L)]++;
            int[] fg = cat.genres(item);
            bandViews[userBand[u]]++;
            genderViews[userGender[u]]++;
            for (int gid : fg) {
                genreViews[gid]++;
                bandGenre[userBand[u]][gid]++;
                genderGenre[userGender[u]][gid]++;
            }
            if (fromWatches) {
                boolean done = w.completed(k);
                int d = devices.indexOf(w.device(k));
                deviceViews[d]++;
                if (done) {
                    comp++;
                    completedPerViewer[u]++;
                    completedPerFilm[item]++;
                } else {
                    deviceDropped[d]++;
                }
                int runtime = w.runtimeMinutes(k) > 0 ? w.runtimeMinutes(k) : cat.runtimeMinutes(item);
                float watched = w.watchedMinutes(k);
                if (watched < 0) {
                    neg++;
                } else if (runtime > 0 && watched > ABSURD_RUNTIMES * runtime) {
                    huge++;
                }
                if (runtime > 0) {
                    ratios.add((double) watched / runtime);
                }
            }
        }
        duplicates = dup;
        views = v;
        completed = comp;
        negativeDurations = neg;
        hugeDurations = huge;
        minTime = tMin;
        maxTime = tMax;
        watchedRatio = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        long noGenres = 0;
        long noRuntime = 0;
        long noYear = 0;
        for (int i = 0; i < films; i++) {
            if (cat.genres(i).length == 0) {
                noGenres++;
            }
            if (cat.runtimeMinutes(i) <= 0) {
                noRuntime++;
            }
            if (cat.year(i) <= 0) {
                noYear++;
            }
        }
        filmsWithoutGenres = noGenres;
        filmsWithoutRuntime = noRuntime;
        filmsWithoutYear = noYear;
        viewersWithoutViews = Arrays.stream(viewsPerViewer).filter(x -> x == 0).count();
        filmsWithoutViews = Arrays.stream(viewsPerFilm).filter(x -> x == 0).count();
        long[] active = Arrays.stream(viewsPerViewer).filter(x -> x > 0).sorted().toArray();
        if (active.length > 0) {
            double q1 = quantile(active, 0.25);
            double q3 = quantile(active, 0.75);
            extremeViewerThreshold = q3 + 3 * (q3 - q1);
            extremeViewers = Arrays.stream(active).filter(x -> x > extremeViewerThreshold).count();
        } else {
            extremeViewerThreshold = Double.NaN;
            extremeViewers = 0;
        }

        // correlations of per-viewer numeric features (and age)
        FeatureMatrix fm = ViewerFeatures.compute(data, new FeatureSpec(List.of(), List.of()), 1);
        List<String> names = new ArrayList<>(List.of("views_log", "views_per_week", "completion_rate",
                "watched_fraction", "mean_runtime", "binge_share", "ratings_log", "rating_mean", "rating_sd",
                "weekend_share", "late_night_share", "daytime_share", "recency_days", "tenure_days"));
        names.removeIf(nm -> fm.column(nm) < 0 || allNaN(fm, fm.column(nm)));
        names.add("age");
        int m = names.size();
        double[][] cols = new double[m][fm.rows()];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < fm.rows(); r++) {
                if (names.get(j).equals("age")) {
                    int age = viewers.age(fm.userIndex(r));
                    cols[j][r] = age > 0 && age <= 120 ? age : Double.NaN;
                } else {
                    cols[j][r] = fm.get(r, fm.column(names.get(j)));
                }
            }
        }
        corrNames = names;
        corr = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                corr[a][b] = a == b ? 1 : pearson(cols[a], cols[b]);
            }
        }
    }

    private static boolean allNaN(FeatureMatrix fm, int c) {
        for (int r = 0; r < fm.rows(); r++) {
            if (!Double.isNaN(fm.get(r, c))) {
                return false;
            }
        }
        return true;
    }

    /** Pearson correlation over the rows where both values are present. */
    static double pearson(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double a = x[i] - mx;
                double b = y[i] - my;
                sxy += a * b;
                sxx += a * a;
                syy += b * b;
            }
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Share of the total held by the top {@code fraction} of the entries (at least one entry). */
    static double topShare(long[] counts, double fraction) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        if (total == 0) {
            return Double.NaN;
        }
        int top = Math.max(1, (int) Math.round(fraction * sorted.length));
        long s = 0;
        for (int i = sorted.length - top; i < sorted.length; i++) {
            s += sorted[i];
        }
        return (double) s / total;
    }

    /** Gini coefficient of the counts (0 = all equal, → 1 = one entry takes everything). */
    static double gini(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (i + 1) * (double) sorted[i];
        }
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        return (2 * weighted) / (n * total) - (n + 1.0) / n;
    }

    /** Lorenz curve points (population share, cumulative share of total), ascending. */
    static double[][] lorenz(long[] counts, int points) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = Arrays.stream(sorted).sum();
        int m = Math.min(points, n);
        double[] xs = new double[m + 1];
        double[] ys = new double[m + 1];
        double cum = 0;
        int next = 1;
        for (int i = 0; i < n && next <= m; i++) {
            cum += sorted[i];
            if (i + 1 >= (long) next * n / m) {
                xs[next] = (i + 1.0) / n;
                ys[next] = total == 0 ? 0 : cum / total;
                next++;
            }
        }
        return new double[][] {xs, ys};
    }
}
