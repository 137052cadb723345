package io.marquee.segment.eda;

import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.segment.features.Demographics;
import io.marquee.segment.features.ViewerFeatures;
import io.marquee.segment.report.AtomicFiles;
import io.marquee.segment.report.Charts;
import io.marquee.segment.report.Fmt;
import io.marquee.segment.report.MarkdownTable;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exploratory data analysis of a Marquee data set ({@code marquee eda --out DIR}): rating
 * distribution; activity per viewer and per film (long tail, Lorenz curves, Gini); views per month,
 * hour and weekday; top viewers, films and genres; genre popularity by age group and gender (lift);
 * correlations of per-viewer numeric features; missing data and outliers. Writes PNG charts
 * ({@code charts/}), {@code eda_summary.md} and {@code eda.html}, each led by 4–5 insights whose
 * statements and numbers are chosen by the data.
 */
public final class Eda {
    private static final Logger LOG = LoggerFactory.getLogger(Eda.class);
    /** A demographic × genre cell needs this many tagged views expected to be reported. */
    static final double MIN_EXPECTED_VIEWS = 50;

    private Eda() {
    }

    /** Analyses the data set and writes the report under {@code outDir}. */
    public static EdaResult run(Dataset data, Path outDir) {
        long start = System.nanoTime();
        EdaStats s = new EdaStats(data);
        if (s.views == 0) {
            throw new InvalidInputException("the data set has no watch events and no ratings: nothing to explore");
        }
        Map<String, Object> figures = figures(s);
        List<Insight> insights = insights(s);
        List<String> files = new ArrayList<>();
        Path charts = outDir.resolve("charts");
        List<Path> written = new ArrayList<>();
        written.add(ratingChart(s, charts.resolve("rating_distribution.png")));
        written.add(longTailChart(s, charts.resolve("activity_long_tail.png")));
        written.add(lorenzChart(s, charts.resolve("lorenz.png")));
        written.add(monthChart(s, charts.resolve("views_per_month.png")));
        written.add(hourChart(s, charts.resolve("views_by_hour.png")));
        written.add(weekdayChart(s, charts.resolve("views_by_weekday.png")));
        written.add(topFilmsChart(data, s, charts.resolve("top_films.png")));
        written.add(topGenresChart(s, charts.resolve("top_genres.png")));
        written.add(Charts.savePng(Charts.heatMap("Genre lift by age group (share of the group's views / share of all views)",
                s.genres, Demographics.AGE_BANDS, liftMatrix(s.bandGenre, s.bandViews, s), 0,
                upper(liftMatrix(s.bandGenre, s.bandViews, s)), "0.00"),
                charts.resolve("genre_by_age.png")));
        written.add(Charts.savePng(Charts.heatMap("Genre lift by gender (share of the group's views / share of all views)",
                s.genres, s.genders, liftMatrix(s.genderGenre, s.genderViews, s), 0,
                upper(liftMatrix(s.genderGenre, s.genderViews, s)), "0.00"),
                charts.resolve("genre_by_gender.png")));
        written.add(Charts.savePng(Charts.heatMap("Correlation of per-viewer features (Pearson)",
                s.corrNames.stream().map(Eda::label).toList(), s.corrNames.stream().map(Eda::label).toList(), s.corr,
                -1, 1, "0.00"), charts.resolve("correlation_heatmap.png")));
        written.add(qualityChart(s, charts.resolve("missing_and_outliers.png")));
        if (s.fromWatches && s.watchedRatio.length > 0) {
            written.add(durationChart(s, charts.resolve("watch_duration.png")));
        }
        String md = markdown(data, s, figures, insights, written, outDir);
        written.add(AtomicFiles.writeString(outDir.resolve("eda_summary.md"), md));
        written.add(AtomicFiles.writeString(outDir.resolve("eda.html"), html(data, s, figures, insights, written, outDir)));
        for (Path p : written) {
            files.add(rel(outDir, p));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        LOG.info("EDA: {} views of {} viewers, {} insights, {} files in {} s", s.views, s.users, insights.size(),
                files.size(), Fmt.num(secs, 1));
        return new EdaResult(figures, insights, files, outDir.toAbsolutePath(), secs);
    }

    private static String rel(Path out, Path file) {
        return out.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String label(String feature) {
        return feature.equals("age") ? "age" : ViewerFeatures.label(feature);
    }

    // ---------------------------------------------------------------- figures

    static Map<String, Object> figures(EdaStats s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("viewers", s.users);
        f.put("films", s.films);
        f.put("ratings", s.ratingCount);
        f.put("watch_events", s.watchEvents);
        f.put("views", s.views);
        f.put("views_source", s.fromWatches ? "watch_events" : "ratings");
        f.put("duplicate_events", s.duplicates);
        f.put("first_view", day(s.minTime));
        f.put("last_view", day(s.maxTime));
        f.put("rating_mean", round(s.ratingMean, 4));
        f.put("rating_sd", round(s.ratingSd, 4));
        Map<String, Long> hist = new LinkedHashMap<>();
        s.ratingHistogram.forEach((k, v) -> hist.put(Fmt.num(k, 1), v));
        f.put("rating_histogram", hist);
        long[] active = Arrays.stream(s.viewsPerViewer).filter(x -> x > 0).sorted().toArray();
        f.put("views_per_viewer_mean", round(active.length == 0 ? Double.NaN : (double) s.views / active.length, 4));
        f.put("views_per_viewer_median", EdaStats.quantile(active, 0.5));
        f.put("views_per_viewer_p90", EdaStats.quantile(active, 0.9));
        f.put("views_per_viewer_max", active.length == 0 ? 0 : active[active.length - 1]);
        f.put("film_top1pct_share", round(EdaStats.topShare(s.viewsPerFilm, 0.01), 4));
        f.put("film_top10pct_share", round(EdaStats.topShare(s.viewsPerFilm, 0.10), 4));
        f.put("film_bottom50pct_share", round(1 - EdaStats.topShare(s.viewsPerFilm, 0.50), 4));
        f.put("film_gini", round(EdaStats.gini(s.viewsPerFilm), 4));
        f.put("viewer_top10pct_share", round(EdaStats.topShare(s.viewsPerViewer, 0.10), 4));
        f.put("viewer_gini", round(EdaStats.gini(s.viewsPerViewer), 4));
        if (s.fromWatches) {
            f.put("completion_rate", round((double) s.completed / s.views, 4));
        }
        f.put("missing_age", s.missingAge);
        f.put("implausible_age", s.implausibleAge);
        f.put("missing_gender", s.missingGender);
        f.put("negative_durations", s.negativeDurations);
        f.put("durations_over_3x_runtime", s.hugeDurations);
        f.put("films_without_genres", s.filmsWithoutGenres);
        f.put("viewers_without_views", s.viewersWithoutViews);
        f.put("films_without_views", s.filmsWithoutViews);
        f.put("extreme_activity_viewers", s.extremeViewers);
        return f;
    }

    private static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double p = Math.pow(10, decimals);
        return Math.round(v * p) / p;
    }

    static String day(long epochSecond) {
        if (epochSecond == Long.MAX_VALUE || epochSecond == Long.MIN_VALUE) {
            return "n/a";
        }
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    // ---------------------------------------------------------------- insights

    /**
     * Up to five insights, in this order: the long tail; the strongest demographic over-index;
     * drop-off by device (ratings skew without watch data); the weekly and daily rhythm; missing
     * data and outliers; then, if room is left, the monthly trend (when it moved by 20 % or more)
     * and the rating skew.
     */
    static List<Insight> insights(EdaStats s) {
        List<Insight> out = new ArrayList<>();
        out.add(longTail(s));
        Insight demo = demographic(s);
        if (demo != null) {
            out.add(demo);
        }
        out.add(s.fromWatches ? dropOff(s) : ratings(s));
        out.add(rhythm(s));
        out.add(quality(s));
        Insight trend = trend(s);
        if (out.size() < 5 && trend != null) {
            out.add(trend);
        }
        if (out.size() < 5 && s.fromWatches) {
            out.add(ratings(s));
        }
        return List.copyOf(out.subList(0, Math.min(5, out.size())));
    }

    private static Insight longTail(EdaStats s) {
        double top10 = EdaStats.topShare(s.viewsPerFilm, 0.10);
        double top1 = EdaStats.topShare(s.viewsPerFilm, 0.01);
        double bottom = 1 - EdaStats.topShare(s.viewsPerFilm, 0.50);
        double gini = EdaStats.gini(s.viewsPerFilm);
        String lead = top10 >= 0.5 ? "Viewing is concentrated on a few films"
                : top10 >= 0.3 ? "Viewing is moderately concentrated" : "Viewing is spread across the catalogue";
        String text = lead + ": the top 10 % of films take " + Fmt.pct(top10) + " of views (the top 1 % "
                + Fmt.pct(top1) + "), while the bottom half of the catalogue takes " + Fmt.pct(bottom) + " (Gini "
                + Fmt.num(gini, 2) + ")." + (s.filmsWithoutViews > 0 ? " " + Fmt.count(s.filmsWithoutViews)
                + " films were never watched." : "");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("top10pct_share", top10);
        f.put("top1pct_share", top1);
        f.put("bottom50pct_share", bottom);
        f.put("gini", gini);
        return new Insight("long_tail", "The long tail of films", text, f);
    }

    private record Cell(String group, String genre, double groupShare, double allShare, double lift) {
    }

    private static List<Cell> cells(long[][] groupGenre, long[] groupViews, List<String> groupNames, EdaStats s) {
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < groupNames.size(); a++) {
            if (groupNames.get(a).equals("unknown") || groupViews[a] == 0) {
                continue;
            }
            for (int g = 0; g < s.genres.size(); g++) {
                double all = (double) s.genreViews[g] / s.views;
                double expected = groupViews[a] * all;
                if (all == 0 || expected < MIN_EXPECTED_VIEWS) {
                    continue;
                }
                double share = (double) groupGenre[a][g] / groupViews[a];
                cells.add(new Cell(groupNames.get(a), s.genres.get(g), share, all, share / all));
            }
        }
        return cells;
    }

    private static Insight demographic(EdaStats s) {
        List<Cell> age = cells(s.bandGenre, s.bandViews, Demographics.AGE_BANDS, s);
        List<Cell> gender = cells(s.genderGenre, s.genderViews, s.genders, s);
        List<Cell> all = new ArrayList<>(age);
        all.addAll(gender);
        if (all.isEmpty()) {
            return null;
        }
        Cell hi = all.stream().max(Comparator.comparingDouble(Cell::lift)).get();
        Cell lo = all.stream().min(Comparator.comparingDouble(Cell::lift)).get();
        String who = age.contains(hi) ? "Viewers aged " + hi.group() : "Viewers of gender " + hi.group();
        String whoLo = age.contains(lo) ? "viewers aged " + lo.group() : "viewers of gender " + lo.group();
        String text = who + " over-index on " + hi.genre() + " by " + Fmt.num(hi.lift(), 2) + "× (" + Fmt.pct(hi.groupShare())
                + " of their views vs " + Fmt.pct(hi.allShare()) + " overall); " + whoLo + " under-index most, on "
                + lo.genre() + " (" + Fmt.num(lo.lift(), 2) + "×).";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("group", hi.group());
        f.put("genre", hi.genre());
        f.put("lift", hi.lift());
        f.put("group_share", hi.groupShare());
        f.put("overall_share", hi.allShare());
        f.put("under_group", lo.group());
        f.put("under_genre", lo.genre());
        f.put("under_lift", lo.lift());
        return new Insight("demographic_genre", "Genre tastes differ by group", text, f);
    }

    private static Insight dropOff(EdaStats s) {
        double rate = 1 - (double) s.completed / s.views;
        int worst = -1;
        int best = -1;
        for (int d = 0; d < s.devices.size(); d++) {
            if (s.deviceViews[d] < 30) {
                continue;
            }
            double r = (double) s.deviceDropped[d] / s.deviceViews[d];
            if (worst < 0 || r > (double) s.deviceDropped[worst] / s.deviceViews[worst]) {
                worst = d;
            }
            if (best < 0 || r < (double) s.deviceDropped[best] / s.deviceViews[best]) {
                best = d;
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(Fmt.pct(rate)).append(" of views are abandoned before the end");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("drop_off_share", rate);
        if (worst >= 0 && best >= 0 && worst != best) {
            double rw = (double) s.deviceDropped[worst] / s.deviceViews[worst];
            double rb = (double) s.deviceDropped[best] / s.deviceViews[best];
            text.append("; drop-off is highest on ").append(s.devices.get(worst)).append(" (").append(Fmt.pct(rw))
                    .append(") and lowest on ").append(s.devices.get(best)).append(" (").append(Fmt.pct(rb))
                    .append("), ").append(Fmt.num(rw / rb, 2)).append("× apart");
            f.put("worst_device", s.devices.get(worst));
            f.put("worst_device_drop_off", rw);
            f.put("best_device", s.devices.get(best));
            f.put("best_device_drop_off", rb);
        }
        text.append('.');
        return new Insight("drop_off", "Where viewers give up", text.toString(), f);
    }

    private static Insight rhythm(EdaStats s) {
        int busiest = 0;
        int quietest = 0;
        for (int d = 1; d < 7; d++) {
            if (s.perWeekday[d] > s.perWeekday[busiest]) {
                busiest = d;
            }
            if (s.perWeekday[d] < s.perWeekday[quietest]) {
                quietest = d;
            }
        }
        // the 5-hour window with the most starts
        int bestStart = 0;
        long bestSum = -1;
        for (int h = 0; h < 24; h++) {
            long sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += s.perHour[(h + i) % 24];
            }
            if (sum > bestSum) {
                bestSum = sum;
                bestStart = h;
            }
        }
        double dayShare = (double) s.perWeekday[busiest] / s.views;
        double ratio = s.perWeekday[quietest] == 0 ? Double.POSITIVE_INFINITY
                : (double) s.perWeekday[busiest] / s.perWeekday[quietest];
        double windowShare = (double) bestSum / s.views;
        String text = dayName(busiest) + " is the busiest day with " + Fmt.pct(dayShare) + " of views, "
                + Fmt.num(ratio, 2) + "× " + dayName(quietest) + ", the quietest; " + Fmt.pct(windowShare)
                + " of views start between " + bestStart + ":00 and " + (bestStart + 5 == 24 ? "midnight"
                : ((bestStart + 5) % 24) + ":00") + ".";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("busiest_day", dayName(busiest));
        f.put("busiest_day_share", dayShare);
        f.put("quietest_day", dayName(quietest));
        f.put("busiest_to_quietest", ratio);
        f.put("peak_window_start_hour", bestStart);
        f.put("peak_window_share", windowShare);
        return new Insight("rhythm", "When people watch", text, f);
    }

    /** Change from the first to the last full month, or null when small or too few months. */
    private static Insight trend(EdaStats s) {
        List<Map.Entry<YearMonth, Long>> months = new ArrayList<>(s.perMonth.entrySet());
        if (months.size() < 4) {
            return null;
        }
        // drop the first and last month, which may be partial
        Map.Entry<YearMonth, Long> first = months.get(1);
        Map.Entry<YearMonth, Long> last = months.get(months.size() - 2);
        if (first.getValue() == 0) {
            return null;
        }
        double change = (double) last.getValue() / first.getValue() - 1;
        if (Math.abs(change) < 0.2) {
            return null;
        }
        Map.Entry<YearMonth, Long> peak = months.subList(1, months.size() - 1).stream()
                .max(Map.Entry.comparingByValue()).get();
        String text = "Monthly views " + (change > 0 ? "grew" : "fell") + " by " + Fmt.pct(Math.abs(change)) + " from "
                + first.getKey() + " (" + Fmt.count(first.getValue()) + ") to " + last.getKey() + " ("
                + Fmt.count(last.getValue()) + "), peaking in " + peak.getKey() + " (" + Fmt.count(peak.getValue()) + ").";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("first_month", first.getKey().toString());
        f.put("first_month_views", first.getValue());
        f.put("last_month", last.getKey().toString());
        f.put("last_month_views", last.getValue());
        f.put("change", change);
        return new Insight("trend", "How engagement changes over time", text, f);
    }

    private static Insight quality(EdaStats s) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> f = new LinkedHashMap<>();
        if (s.missingAge > 0) {
            parts.add(Fmt.count(s.missingAge) + " viewers (" + Fmt.pct((double) s.missingAge / s.users) + ") have no age");
        }
        if (s.implausibleAge > 0) {
            parts.add(Fmt.count(s.implausibleAge) + " have an implausible age");
        }
        long absurd = s.negativeDurations + s.hugeDurations;
        if (absurd > 0) {
            parts.add(Fmt.count(absurd) + " watch events (" + Fmt.pct((double) absurd / s.watchEvents)
                    + ") have impossible durations (" + Fmt.count(s.negativeDurations) + " negative, "
                    + Fmt.count(s.hugeDurations) + " over " + Fmt.num(EdaStats.ABSURD_RUNTIMES, 0) + "× the runtime)");
        }
        if (s.duplicates > 0) {
            parts.add(Fmt.count(s.duplicates) + " watch events (" + Fmt.pct((double) s.duplicates / s.watchEvents)
                    + ") are exact duplicates");
        }
        if (s.extremeViewers > 0) {
            parts.add(Fmt.count(s.extremeViewers) + " viewers have extreme activity (over "
                    + Fmt.num(s.extremeViewerThreshold, 0) + " views, Q3 + 3 IQR)");
        }
        f.put("missing_age", s.missingAge);
        f.put("impossible_durations", absurd);
        f.put("duplicates", s.duplicates);
        f.put("extreme_viewers", s.extremeViewers);
        String text = parts.isEmpty()
                ? "No missing ages, impossible durations, duplicate events or extreme viewers were found."
                : "Data needs cleaning before modelling: " + String.join("; ", parts)
                        + ". Segmentation imputes, drops duplicates and clips these.";
        return new Insight("data_quality", "Missing data and outliers", text, f);
    }

    private static Insight ratings(EdaStats s) {
        long high = 0;
        for (Map.Entry<Double, Long> e : s.ratingHistogram.entrySet()) {
            if (e.getKey() >= 4) {
                high += e.getValue();
            }
        }
        double share = s.ratingCount == 0 ? Double.NaN : (double) high / s.ratingCount;
        String text = s.ratingCount == 0 ? "There are no ratings." : "Ratings skew " + (share >= 0.5 ? "positive" : "critical")
                + ": " + Fmt.pct(share) + " are 4 or higher (mean " + Fmt.num(s.ratingMean, 2) + ", sd "
                + Fmt.num(s.ratingSd, 2) + ").";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("share_4_or_more", share);
        f.put("mean", s.ratingMean);
        return new Insight("ratings", "How viewers rate", text, f);
    }

    private static String dayName(int d) {
        return DayOfWeek.of(d + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    // ---------------------------------------------------------------- charts

    private static Path ratingChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Rating distribution (" + Fmt.count(s.ratingCount) + " ratings, mean "
                + Fmt.num(s.ratingMean, 2) + ")", "rating", "ratings");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        s.ratingHistogram.forEach((k, v) -> {
            xs.add(Fmt.num(k, 1));
            ys.add(v);
        });
        if (xs.isEmpty()) {
            xs.add("none");
            ys.add(0);
        }
        c.getStyler().setXAxisLabelRotation(0);
        c.addSeries("ratings", xs, ys);
        return Charts.savePng(c, file);
    }

    private static double[] rankCurve(long[] counts) {
        return Arrays.stream(counts).filter(x -> x > 0).boxed().sorted(Comparator.reverseOrder())
                .mapToDouble(Long::doubleValue).toArray();
    }

    private static Path longTailChart(EdaStats s, Path file) {
        XYChart c = Charts.xy("Activity long tail: views by rank (log-log)", "rank", "views");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        for (String which : List.of("films", "viewers")) {
            double[] ys = rankCurve(which.equals("films") ? s.viewsPerFilm : s.viewsPerViewer);
            if (ys.length == 0) {
                continue;
            }
            double[] xs = IntStream.rangeClosed(1, ys.length).asDoubleStream().toArray();
            XYSeries series = c.addSeries(which, xs, ys);
            series.setMarker(SeriesMarkers.NONE);
        }
        return Charts.savePng(c, file);
    }

    private static Path lorenzChart(EdaStats s, Path file) {
        XYChart c = Charts.xy("Lorenz curves: share of views held by the least active share of films / viewers",
                "share of films or viewers (least active first)", "share of views");
        double[][] f = EdaStats.lorenz(s.viewsPerFilm, 200);
        double[][] v = EdaStats.lorenz(s.viewsPerViewer, 200);
        c.addSeries("films (Gini " + Fmt.num(EdaStats.gini(s.viewsPerFilm), 2) + ")", f[0], f[1]).setMarker(SeriesMarkers.NONE);
        c.addSeries("viewers (Gini " + Fmt.num(EdaStats.gini(s.viewsPerViewer), 2) + ")", v[0], v[1])
                .setMarker(SeriesMarkers.NONE);
        c.addSeries("equality", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE);
        return Charts.savePng(c, file);
    }

    private static Path monthChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Views per month", "month", "views");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        s.perMonth.forEach((k, v) -> {
            xs.add(k.toString());
            ys.add(v);
        });
        c.addSeries("views", xs, ys);
        return Charts.savePng(c, file);
    }

    private static Path hourChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Views by hour of the start (viewer's clock)", "hour", "views");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            xs.add(Integer.toString(h));
            ys.add(s.perHour[h]);
        }
        c.getStyler().setXAxisLabelRotation(0);
        c.addSeries("views", xs, ys);
        return Charts.savePng(c, file);
    }

    private static Path weekdayChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Views by day of the week", "day", "views");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            xs.add(dayName(d));
            ys.add(s.perWeekday[d]);
        }
        c.getStyler().setXAxisLabelRotation(0);
        c.addSeries("views", xs, ys);
        return Charts.savePng(c, file);
    }

    static int[] topIndices(long[] counts, int n) {
        return IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -counts[i]).thenComparingInt(i -> i))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    private static String shortTitle(String t) {
        if (t == null) {
            return "(untitled)";
        }
        return t.length() > 28 ? t.substring(0, 27) + "…" : t;
    }

    private static Path topFilmsChart(Dataset data, EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Top 15 films by views", "film", "views");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        for (int i : topIndices(s.viewsPerFilm, 15)) {
            xs.add(shortTitle(data.catalogue().title(i)) + " #" + data.items().id(i));
            ys.add(s.viewsPerFilm[i]);
        }
        c.addSeries("views", xs, ys);
        return Charts.savePng(c, file);
    }

    private static Path topGenresChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Genres: share of views tagged with each genre", "genre", "share of views (%)");
        List<String> xs = new ArrayList<>();
        List<Number> ys = new ArrayList<>();
        for (int g : topIndices(s.genreViews, s.genres.size())) {
            xs.add(s.genres.get(g));
            ys.add(100.0 * s.genreViews[g] / s.views);
        }
        if (xs.isEmpty()) {
            xs.add("none");
            ys.add(0);
        }
        c.addSeries("share", xs, ys);
        return Charts.savePng(c, file);
    }

    static double[][] liftMatrix(long[][] groupGenre, long[] groupViews, EdaStats s) {
        double[][] m = new double[groupGenre.length][s.genres.size()];
        for (int a = 0; a < groupGenre.length; a++) {
            for (int g = 0; g < s.genres.size(); g++) {
                double all = (double) s.genreViews[g] / s.views;
                double share = groupViews[a] == 0 ? Double.NaN : (double) groupGenre[a][g] / groupViews[a];
                m[a][g] = all == 0 || Double.isNaN(share) ? 1 : share / all;
            }
        }
        return m;
    }

    /** Colour scale top: 2, or the largest value when higher (1 stays the neutral middle only at 2). */
    public static double upper(double[][] m) {
        double max = 2;
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }

    private static Path qualityChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Missing data and outliers (share of the rows concerned, %)", "issue", "%");
        Map<String, Double> issues = qualityRows(s);
        c.addSeries("share", new ArrayList<>(issues.keySet()), new ArrayList<Number>(issues.values()));
        return Charts.savePng(c, file);
    }

    /** Issue → percentage of its rows (viewers, films, events or ratings). */
    static Map<String, Double> qualityRows(EdaStats s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("viewers: age missing", pct(s.missingAge, s.users));
        m.put("viewers: age implausible", pct(s.implausibleAge, s.users));
        m.put("viewers: gender missing", pct(s.missingGender, s.users));
        m.put("viewers: occupation missing", pct(s.missingOccupation, s.users));
        m.put("viewers: region missing", pct(s.missingRegion, s.users));
        m.put("viewers: no views", pct(s.viewersWithoutViews, s.users));
        m.put("viewers: extreme activity", pct(s.extremeViewers, s.users));
        m.put("films: no genre", pct(s.filmsWithoutGenres, s.films));
        m.put("films: no runtime", pct(s.filmsWithoutRuntime, s.films));
        m.put("films: no year", pct(s.filmsWithoutYear, s.films));
        m.put("films: never viewed", pct(s.filmsWithoutViews, s.films));
        m.put("events: negative duration", pct(s.negativeDurations, s.watchEvents));
        m.put("events: over 3× runtime", pct(s.hugeDurations, s.watchEvents));
        m.put("events: duplicates", pct(s.duplicates, s.watchEvents));
        m.put("ratings: out of range", pct(s.ratingsOutOfRange, s.ratingCount));
        return m;
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Path durationChart(EdaStats s, Path file) {
        CategoryChart c = Charts.bars("Watched minutes / runtime per event (outliers at both ends)", "watched / runtime",
                "events");
        String[] labels = {"< 0", "0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–0.9", "0.9–1.0", "1.0–1.5", "1.5–3",
            "> 3"};
        double[] edges = {0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0 + 1e-9, 1.5, 3.0};
        long[] counts = new long[labels.length];
        for (double r : s.watchedRatio) {
            int b = 0;
            while (b < edges.length && r >= edges[b]) {
                b++;
            }
            counts[b]++;
        }
        List<Number> ys = new ArrayList<>();
        for (long v : counts) {
            ys.add(v);
        }
        c.addSeries("events", Arrays.asList(labels), ys);
        return Charts.savePng(c, file);
    }

    // ---------------------------------------------------------------- markdown and HTML

    /** Tables of the report as (title, header, rows). */
    private record Table(String title, String[] header, List<Object[]> rows) {
    }

    private static List<Table> tables(Dataset data, EdaStats s) {
        List<Table> t = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        s.ratingHistogram.forEach((k, v) -> rows.add(new Object[] {Fmt.num(k, 1), Fmt.count(v),
            Fmt.pct(s.ratingCount == 0 ? 0 : (double) v / s.ratingCount)}));
        t.add(new Table("Rating distribution", new String[] {"rating", ">ratings", ">share"}, rows));

        List<Object[]> top = new ArrayList<>();
        for (int u : topIndices(s.viewsPerViewer, 10)) {
            top.add(new Object[] {data.users().id(u), Fmt.count(s.viewsPerViewer[u]), Fmt.count(s.ratingsPerViewer[u]),
                s.fromWatches && s.viewsPerViewer[u] > 0 ? Fmt.pct((double) s.completedPerViewer[u] / s.viewsPerViewer[u])
                    : "n/a"});
        }
        t.add(new Table("Top 10 viewers", new String[] {"viewer id", ">views", ">ratings", ">completion"}, top));

        List<Object[]> films = new ArrayList<>();
        for (int i : topIndices(s.viewsPerFilm, 10)) {
            films.add(new Object[] {data.catalogue().title(i), data.items().id(i), Fmt.count(s.viewsPerFilm[i]),
                s.ratingCountPerFilm[i] == 0 ? "n/a" : Fmt.num(s.ratingSumPerFilm[i] / s.ratingCountPerFilm[i], 2),
                s.fromWatches && s.viewsPerFilm[i] > 0 ? Fmt.pct((double) s.completedPerFilm[i] / s.viewsPerFilm[i]) : "n/a"});
        }
        t.add(new Table("Top 10 films", new String[] {"title", ">film id", ">views", ">mean rating", ">completion"}, films));

        List<Object[]> genres = new ArrayList<>();
        for (int g : topIndices(s.genreViews, s.genres.size())) {
            genres.add(new Object[] {s.genres.get(g), Fmt.count(s.genreViews[g]), Fmt.pct((double) s.genreViews[g] / s.views)});
        }
        t.add(new Table("Genres (views tagged with the genre)", new String[] {"genre", ">views", ">share of views"}, genres));

        List<Cell> cells = new ArrayList<>(cells(s.bandGenre, s.bandViews, Demographics.AGE_BANDS, s));
        cells.addAll(cells(s.genderGenre, s.genderViews, s.genders, s));
        cells.sort(Comparator.comparingDouble((Cell c) -> -c.lift()));
        List<Object[]> lift = new ArrayList<>();
        for (Cell c : cells.subList(0, Math.min(10, cells.size()))) {
            lift.add(new Object[] {c.group(), c.genre(), Fmt.pct(c.groupShare()), Fmt.pct(c.allShare()),
                Fmt.num(c.lift(), 2) + "×"});
        }
        t.add(new Table("Strongest genre preferences by age group and gender (lift; cells with ≥ "
                + Fmt.num(MIN_EXPECTED_VIEWS, 0) + " views expected)",
                new String[] {"group", "genre", ">share of group's views", ">share of all views", ">lift"}, lift));

        List<Object[]> corr = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        for (int a = 0; a < s.corrNames.size(); a++) {
            for (int b = a + 1; b < s.corrNames.size(); b++) {
                if (!Double.isNaN(s.corr[a][b])) {
                    pairs.add(new double[] {a, b, s.corr[a][b]});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> -Math.abs(p[2])));
        for (double[] p : pairs.subList(0, Math.min(8, pairs.size()))) {
            corr.add(new Object[] {label(s.corrNames.get((int) p[0])), label(s.corrNames.get((int) p[1])), Fmt.num(p[2], 3)});
        }
        t.add(new Table("Strongest correlations between per-viewer features", new String[] {"feature", "feature", ">r"},
                corr));

        List<Object[]> q = new ArrayList<>();
        long[] counts = {s.missingAge, s.implausibleAge, s.missingGender, s.missingOccupation, s.missingRegion,
            s.viewersWithoutViews, s.extremeViewers, s.filmsWithoutGenres, s.filmsWithoutRuntime, s.filmsWithoutYear,
            s.filmsWithoutViews, s.negativeDurations, s.hugeDurations, s.duplicates, s.ratingsOutOfRange};
        int i = 0;
        for (Map.Entry<String, Double> e : qualityRows(s).entrySet()) {
            q.add(new Object[] {e.getKey(), Fmt.count(counts[i++]), Fmt.num(e.getValue(), 2) + " %"});
        }
        t.add(new Table("Missing data and outliers", new String[] {"issue", ">rows", ">share"}, q));
        return t;
    }

    private static String overview(Dataset data, EdaStats s, Map<String, Object> f) {
        return Fmt.count(s.users) + " viewers, " + Fmt.count(s.films) + " films, " + Fmt.count(s.ratingCount) + " ratings and "
                + Fmt.count(s.watchEvents) + " watch events (" + Fmt.count(s.views) + " views after removing "
                + Fmt.count(s.duplicates) + " duplicates" + (s.fromWatches ? "" : "; no watch events, so ratings count as views")
                + "), from " + f.get("first_view") + " to " + f.get("last_view") + ". Viewers with at least one view have "
                + Fmt.num((double) f.get("views_per_viewer_mean"), 1) + " views on average (median "
                + Fmt.num((double) f.get("views_per_viewer_median"), 0) + ", 90th percentile "
                + Fmt.num((double) f.get("views_per_viewer_p90"), 0) + ", maximum " + f.get("views_per_viewer_max") + ").";
    }

    static String markdown(Dataset data, EdaStats s, Map<String, Object> f, List<Insight> insights, List<Path> charts,
                           Path out) {
        StringBuilder sb = new StringBuilder("# Exploratory data analysis\n\n");
        sb.append(overview(data, s, f)).append("\n\n");
        sb.append("## Insights\n\n");
        int i = 1;
        for (Insight in : insights) {
            sb.append(i++).append(". **").append(in.title()).append(".** ").append(in.text()).append('\n');
        }
        sb.append('\n');
        for (Table t : tables(data, s)) {
            sb.append("## ").append(t.title()).append("\n\n");
            MarkdownTable mt = new MarkdownTable(t.header());
            for (Object[] r : t.rows()) {
                mt.row(r);
            }
            sb.append(mt).append('\n');
        }
        sb.append("## Charts\n\n");
        for (Path p : charts) {
            String r = rel(out, p);
            sb.append("![").append(p.getFileName().toString().replace(".png", "").replace('_', ' ')).append("](")
                    .append(r).append(")\n\n");
        }
        sb.append("Notes: a view is a watch event with exact duplicates removed; genre shares count a view once per ")
                .append("genre of its film; lift = the group's share of views for a genre divided by the share over all ")
                .append("viewers; times are the viewer's clock. Every number above is computed from the data by ")
                .append("`io.marquee.segment.eda.Eda` (docs/audit-eda.md).\n");
        return sb.toString();
    }

    static String html(Dataset data, EdaStats s, Map<String, Object> f, List<Insight> insights, List<Path> charts,
                       Path out) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Marquee EDA</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;")
                .append("color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px}th{background:#f3f3f3}td.r{text-align:right}img{max-width:100%;margin:1em 0}")
                .append(".insight{background:#f6f9ff;border-left:4px solid #1f77b4;padding:.6em 1em;margin:.6em 0}")
                .append("</style></head><body>\n");
        sb.append("<h1>Exploratory data analysis</h1>\n<p>").append(Fmt.html(overview(data, s, f))).append("</p>\n");
        sb.append("<h2>Insights</h2>\n");
        for (Insight in : insights) {
            sb.append("<div class=\"insight\"><strong>").append(Fmt.html(in.title())).append(".</strong> ")
                    .append(Fmt.html(in.text())).append("</div>\n");
        }
        for (Table t : tables(data, s)) {
            sb.append("<h2>").append(Fmt.html(t.title())).append("</h2>\n<table><tr>");
            for (String h : t.header()) {
                sb.append("<th>").append(Fmt.html(h.startsWith(">") ? h.substring(1) : h)).append("</th>");
            }
            sb.append("</tr>\n");
            for (Object[] r : t.rows()) {
                sb.append("<tr>");
                for (int c = 0; c < r.length; c++) {
                    boolean right = t.header()[c].startsWith(">");
                    sb.append(right ? "<td class=\"r\">" : "<td>").append(Fmt.html(String.valueOf(r[c]))).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h2>Charts</h2>\n");
        for (Path p : charts) {
            sb.append("<img src=\"").append(Fmt.html(rel(out, p))).append("\" alt=\"")
                    .append(Fmt.html(p.getFileName().toString())).append("\">\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}
