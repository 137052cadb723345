package io.marquee.segment;

import io.marquee.segment.cluster.Points;
import io.marquee.segment.features.FeatureMatrix;
import io.marquee.segment.features.Preprocessor;
import io.marquee.segment.features.ViewerFeatures;
import io.marquee.segment.report.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Profiles segments and names them from their profiles. A segment's z-score on a feature is the
 * mean of its viewers' standardised values: how far, in population standard deviations, the
 * segment sits from the average viewer. Names follow fixed rules on those z-scores (documented in
 * {@code reports/cluster_profiles.md} and docs/segments.md):
 *
 * <ol>
 *   <li>lifecycle: days since last view z ≥ 0.75 → "Lapsed"; days since first view z ≤ −0.75 → "New";</li>
 *   <li>activity: views (log) z ≥ 0.5 → "Heavy", ≤ −0.5 → "Casual";</li>
 *   <li>habit: the strongest of the habit features with |z| ≥ 0.5 in its named direction
 *       (weekend, late-night, daytime, prime-time, binge, committed / drop-prone, long-film /
 *       short-film, generous / critical, rating-happy, rewatching, a device);</li>
 *   <li>noun: "&lt;genre&gt; fans" for the genre with the highest lift when the lift is ≥ 1.25 and
 *       the genre takes ≥ 5 % of the segment's views; else "binge-watchers" when the habit is binge;
 *       else "viewers";</li>
 *   <li>a segment with none of these is "Mainstream viewers"; two segments with the same name are
 *       told apart by their next habit in parentheses.</li>
 * </ol>
 */
final class Profiler {
    static final double ACTIVITY_Z = 0.5;
    static final double HABIT_Z = 0.5;
    static final double LIFECYCLE_Z = 0.75;
    static final double GENRE_LIFT = 1.25;
    static final double GENRE_MIN_SHARE = 0.05;

    /** Habit features: name → {adjective when high, adjective when low} (null: not named). */
    private static final Map<String, String[]> HABITS = new LinkedHashMap<>();

    static {
        HABITS.put("weekend_share", new String[] {"weekend", null});
        HABITS.put("late_night_share", new String[] {"late-night", null});
        HABITS.put("daytime_share", new String[] {"daytime", null});
        HABITS.put("evening_share", new String[] {"prime-time", null});
        HABITS.put("binge_share", new String[] {"binge", null});
        HABITS.put("completion_rate", new String[] {"committed", "drop-prone"});
        HABITS.put("mean_runtime", new String[] {"long-film", "short-film"});
        HABITS.put("rating_mean", new String[] {"generous", "critical"});
        HABITS.put("rating_rate", new String[] {"rating-happy", null});
        HABITS.put("distinct_share", new String[] {null, "rewatching"});
    }

    private Profiler() {
    }

    private record Habit(String feature, String word, double z) {
    }

    static List<SegmentProfile> profiles(FeatureMatrix raw, Points x, int[] seg, int k, Preprocessor pre,
                                         List<String> genres) {
        Map<String, String> display = new LinkedHashMap<>();
        for (String g : genres) {
            display.put("genre_share_" + ViewerFeatures.slug(g), g);
        }
        List<String> names = raw.names();
        int d = names.size();
        int n = raw.rows();
        double[][] z = new double[k][d];
        double[][] clean = new double[k][d];
        double[] popClean = new double[d];
        long[] size = new long[k];
        double[] viewsMean = new double[k];
        double popViews = 0;
        int viewsCol = names.indexOf("views_log");
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                popClean[c] += pre.clean(c, raw.get(r, c));
            }
            double views = Math.expm1(raw.get(r, viewsCol));
            popViews += views;
            int s = seg[r];
            if (s < 0) {
                continue;
            }
            size[s]++;
            viewsMean[s] += views;
            for (int c = 0; c < d; c++) {
                z[s][c] += x.get(r, c);
                clean[s][c] += pre.clean(c, raw.get(r, c));
            }
        }
        for (int c = 0; c < d; c++) {
            popClean[c] /= n;
        }
        popViews /= n;
        long segmented = 0;
        for (long s : size) {
            segmented += s;
        }
        List<SegmentProfile> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int s = 0; s < k; s++) {
            for (int c = 0; c < d; c++) {
                z[s][c] /= Math.max(1, size[s]);
                clean[s][c] /= Math.max(1, size[s]);
            }
            viewsMean[s] /= Math.max(1, size[s]);
            out.add(profile(s, names, z[s], clean[s], popClean, size[s], n, viewsMean[s], popViews, used, display));
        }
        return out;
    }

    private static SegmentProfile profile(int id, List<String> names, double[] z, double[] mean, double[] pop,
                                          long size, int n, double views, double popViews, Set<String> used,
                                          Map<String, String> display) {
        int d = names.size();
        // traits: largest |z| first
        List<SegmentProfile.Trait> traits = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            traits.add(new SegmentProfile.Trait(names.get(c), ViewerFeatures.label(names.get(c)), mean[c], pop[c], z[c]));
        }
        traits.sort(Comparator.comparingDouble((SegmentProfile.Trait t) -> -Math.abs(t.z()))
                .thenComparing(SegmentProfile.Trait::feature));
        List<SegmentProfile.Trait> top = traits.subList(0, Math.min(5, traits.size()));
        // genres by lift
        List<SegmentProfile.GenreLift> genres = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            String f = names.get(c);
            if (f.startsWith("genre_share_") && pop[c] > 0) {
                genres.add(new SegmentProfile.GenreLift(display.getOrDefault(f, genreName(f)), mean[c], pop[c],
                        mean[c] / pop[c]));
            }
        }
        genres.sort(Comparator.comparingDouble((SegmentProfile.GenreLift g) -> -g.lift()).thenComparing(
                SegmentProfile.GenreLift::genre));
        List<SegmentProfile.GenreLift> topGenres = genres.subList(0, Math.min(3, genres.size()));
        // naming
        Map<String, Double> zf = new LinkedHashMap<>();
        for (int c = 0; c < d; c++) {
            zf.put(names.get(c), z[c]);
        }
        List<String> words = new ArrayList<>();
        double recency = zf.getOrDefault("recency_days", 0.0);
        double tenure = zf.getOrDefault("tenure_days", 0.0);
        boolean lapsed = recency >= LIFECYCLE_Z;
        boolean fresh = !lapsed && tenure <= -LIFECYCLE_Z;
        if (lapsed) {
            words.add("lapsed");
        } else if (fresh) {
            words.add("new");
        }
        double activity = zf.getOrDefault("views_log", 0.0);
        boolean heavy = activity >= ACTIVITY_Z;
        boolean casual = activity <= -ACTIVITY_Z;
        if (heavy) {
            words.add("heavy");
        } else if (casual) {
            words.add("casual");
        }
        List<Habit> habits = habits(zf);
        Habit habit = habits.isEmpty() ? null : habits.get(0);
        SegmentProfile.GenreLift genre = genres.isEmpty() ? null : genres.get(0);
        boolean genreFans = genre != null && genre.lift() >= GENRE_LIFT && genre.share() >= GENRE_MIN_SHARE;
        String noun;
        if (genreFans) {
            noun = genreWord(genre.genre()) + " fans";
            if (habit != null) {
                words.add(habit.word());
            }
        } else if (habit != null && habit.word().equals("binge")) {
            noun = "binge-watchers";
        } else {
            noun = "viewers";
            if (habit != null) {
                words.add(habit.word());
            }
        }
        String name;
        if (words.isEmpty() && noun.equals("viewers")) {
            name = "Mainstream viewers";
        } else {
            words.add(noun);
            name = capitalise(String.join(" ", words));
        }
        if (used.contains(name)) {
            String extra = null;
            for (int h = 1; h < habits.size() && extra == null; h++) {
                String candidate = name + " (" + habits.get(h).word() + ")";
                if (!used.contains(candidate)) {
                    extra = candidate;
                }
            }
            name = extra != null ? extra : name + " (segment " + (id + 1) + ")";
        }
        used.add(name);

        Map<String, Double> engagement = new LinkedHashMap<>();
        engagement.put("views", views);
        engagement.put("population_views", popViews);
        putIf(engagement, "views_per_week", zf, names, mean);
        putIf(engagement, "completion_rate", zf, names, mean);
        putIf(engagement, "rating_mean", zf, names, mean);
        putIf(engagement, "binge_share", zf, names, mean);
        putIf(engagement, "recency_days", zf, names, mean);

        StringBuilder summary = new StringBuilder();
        summary.append(Fmt.count(size)).append(" viewers (").append(Fmt.pct((double) size / n)).append(")");
        summary.append("; compared with all viewers: ");
        List<String> phrases = new ArrayList<>();
        for (SegmentProfile.Trait t : top.subList(0, Math.min(3, top.size()))) {
            phrases.add(t.label() + " " + value(t.feature(), t.segmentMean()) + " vs " + value(t.feature(),
                    t.populationMean()) + " (" + (t.z() >= 0 ? "+" : "") + Fmt.num(t.z(), 2) + " sd)");
        }
        summary.append(String.join(", ", phrases));
        if (genreFans) {
            summary.append("; ").append(genre.genre()).append(" takes ").append(Fmt.pct(genre.share()))
                    .append(" of their views, ").append(Fmt.num(genre.lift(), 2)).append("× the average");
        }
        summary.append('.');

        List<String> actions = actions(zf, names, mean, pop, views, popViews, heavy, casual, lapsed, fresh,
                genreFans ? genre : null, habits);
        return new SegmentProfile(id, name, size, (double) size / n, summary.toString(), top, topGenres, engagement,
                actions, zf);
    }

    private static void putIf(Map<String, Double> m, String f, Map<String, Double> zf, List<String> names,
                              double[] mean) {
        int c = names.indexOf(f);
        if (c >= 0) {
            m.put(f, mean[c]);
        }
    }

    private static List<Habit> habits(Map<String, Double> zf) {
        List<Habit> habits = new ArrayList<>();
        for (Map.Entry<String, Double> e : zf.entrySet()) {
            String f = e.getKey();
            double v = e.getValue();
            String[] words = HABITS.get(f);
            if (words == null && f.startsWith("device_share_")) {
                String dev = f.substring("device_share_".length());
                words = new String[] {dev.equals("tv") ? "living-room" : dev, null};
            }
            if (words == null) {
                continue;
            }
            if (v >= HABIT_Z && words[0] != null) {
                habits.add(new Habit(f, words[0], v));
            } else if (v <= -HABIT_Z && words[1] != null) {
                habits.add(new Habit(f, words[1], v));
            }
        }
        habits.sort(Comparator.comparingDouble((Habit h) -> -Math.abs(h.z())).thenComparing(Habit::feature));
        return habits;
    }

    private static List<String> actions(Map<String, Double> zf, List<String> names, double[] mean, double[] pop,
                                        double views, double popViews, boolean heavy, boolean casual, boolean lapsed,
                                        boolean fresh, SegmentProfile.GenreLift genre, List<Habit> habits) {
        List<String> out = new ArrayList<>();
        if (genre != null) {
            out.add("Give " + genre.genre() + " a prominent row on their home page and recommend deeper into the "
                    + genre.genre() + " catalogue: it takes " + Fmt.pct(genre.share()) + " of their views, "
                    + Fmt.num(genre.lift(), 2) + "× the average viewer's share.");
        }
        if (heavy) {
            out.add("Most engaged (" + Fmt.num(views, 1) + " views on average vs " + Fmt.num(popViews, 1)
                    + "): put new releases first and recommend from the long tail, since they run out of popular titles.");
        } else if (casual) {
            out.add("Light viewers (" + Fmt.num(views, 1) + " views on average vs " + Fmt.num(popViews, 1)
                    + "): lead with broadly popular, well-rated titles and keep the choice short.");
        }
        if (lapsed) {
            out.add("Last view " + value("recency_days", meanOf("recency_days", names, mean)) + " ago on average vs "
                    + value("recency_days", meanOf("recency_days", names, pop))
                    + " overall: a win-back target, with reminders of new films in their favourite genres.");
        }
        if (fresh) {
            out.add("Recently joined (first view " + value("tenure_days", meanOf("tenure_days", names, mean))
                    + " ago on average): onboard them, ask for favourite genres and show popular titles across genres.");
        }
        for (Habit h : habits.subList(0, Math.min(2, habits.size()))) {
            String f = h.feature();
            String seg = value(f, meanOf(f, names, mean));
            String all = value(f, meanOf(f, names, pop));
            String text = switch (h.word()) {
                case "weekend" -> "Watch most at weekends (" + seg + " of views vs " + all
                        + "): schedule new-release pushes and home-page refreshes for Friday evening.";
                case "late-night" -> "Watch late at night (" + seg + " of views start 23–05 h vs " + all
                        + "): favour shorter films then and time notifications for late evening.";
                case "daytime" -> "Watch in the daytime (" + seg + " of views start 05–18 h vs " + all
                        + "): daytime home-page refreshes reach them first.";
                case "prime-time" -> "Watch in prime time (" + seg + " of views start 18–23 h vs " + all
                        + "): evening recommendations and pushes fit their rhythm.";
                case "binge" -> seg + " of their views follow another within 30 minutes (vs " + all
                        + "): autoplay, 'next up' rows, collections and sequels suit them.";
                case "committed" -> "Finish " + seg + " of the films they start (vs " + all
                        + "): longer and more demanding titles are safe recommendations.";
                case "drop-prone" -> "Finish only " + seg + " of the films they start (vs " + all
                        + "): favour shorter films with strong openings and make 'continue watching' prominent.";
                case "long-film" -> "Choose long films (" + seg + " on average vs " + all
                        + "): epics and long-form titles are welcome.";
                case "short-film" -> "Choose short films (" + seg + " on average vs " + all
                        + "): keep runtimes short in their recommendations.";
                case "generous" -> "Rate generously (" + seg + " vs " + all
                        + "): ask them for ratings; their feedback trains the recommender.";
                case "critical" -> "Rate harshly (" + seg + " vs " + all
                        + "): recommend only well-rated titles and show why (explanations).";
                case "rating-happy" -> "Rate often (" + seg + " ratings per view vs " + all
                        + "): their ratings are a rich signal; invite reviews.";
                case "rewatching" -> "Rewatch favourites (distinct-film share " + seg + " vs " + all
                        + "): keep a 'watch again' row.";
                case "mobile" -> "Watch on mobile (" + seg + " of views vs " + all
                        + "): favour shorter films and download-friendly picks.";
                case "living-room" -> "Watch on TV (" + seg + " of views vs " + all
                        + "): big-screen, group-friendly picks.";
                default -> "Use " + h.word() + " (" + seg + " of views vs " + all + ") more than most.";
            };
            out.add(text);
        }
        if (out.isEmpty()) {
            out.add("Mainstream tastes and habits: the general recommender serves them; no special treatment needed.");
        }
        return out;
    }

    private static double meanOf(String f, List<String> names, double[] values) {
        int c = names.indexOf(f);
        return c < 0 ? Double.NaN : values[c];
    }

    /** A raw feature value formatted in its unit. */
    static String value(String feature, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (feature.endsWith("_share") || feature.startsWith("genre_share_") || feature.startsWith("device_share_")
                || feature.equals("completion_rate") || feature.equals("watched_fraction")) {
            return Fmt.pct(v);
        }
        return switch (feature) {
            case "recency_days", "tenure_days" -> Fmt.num(v, 0) + " days";
            case "mean_runtime" -> Fmt.num(v, 0) + " min";
            case "views_log", "ratings_log" -> Fmt.num(v, 2) + " (≈ " + Fmt.num(Math.expm1(v), 1) + ")";
            default -> Fmt.num(v, 2);
        };
    }

    static String genreName(String feature) {
        return feature.substring("genre_share_".length());
    }

    /** The genre as the first word of "… fans": lower case, with a noun where the name is not one. */
    static String genreWord(String genre) {
        String g = genre.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (g) {
            case "children", "children's" -> "family-film";
            case "war" -> "war-film";
            default -> g;
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
