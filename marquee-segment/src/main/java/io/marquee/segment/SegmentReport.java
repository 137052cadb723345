package io.marquee.segment;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.marquee.segment.SegmentParams.Algorithm;
import io.marquee.segment.features.ViewerFeatures;
import io.marquee.segment.report.AtomicFiles;
import io.marquee.segment.report.Charts;
import io.marquee.segment.report.Fmt;
import io.marquee.segment.report.MarkdownTable;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes the files of a segmentation run: CSVs, charts, the two reports and the model. */
final class SegmentReport {
    private SegmentReport() {
    }

    static List<String> write(Segmentation.Analysis a, Path out) {
        List<String> files = new ArrayList<>();
        files.add(rel(out, comparisonCsv(a, out.resolve("model_comparison.csv"))));
        files.add(rel(out, segmentsCsv(a, out.resolve("segments.csv"))));
        files.add(rel(out, featuresCsv(a, out.resolve("viewer_features.csv"))));
        Path charts = out.resolve("charts");
        files.add(rel(out, elbow(a, charts.resolve("elbow.png"))));
        files.add(rel(out, silhouetteByK(a, charts.resolve("silhouette_by_k.png"))));
        if (a.params.algorithms().contains(Algorithm.GMM)) {
            files.add(rel(out, bic(a, charts.resolve("gmm_bic.png"))));
        }
        files.add(rel(out, silhouetteProfile(a, charts.resolve("silhouette_profile.png"))));
        files.add(rel(out, pcaScatter(a, charts.resolve("pca_segments.png"))));
        files.add(rel(out, sizes(a, charts.resolve("segment_sizes.png"))));
        files.add(rel(out, profileHeatmap(a, charts.resolve("segment_profiles.png"))));
        files.add(rel(out, representationHeatmap(a, charts.resolve("representation.png"))));
        files.add(rel(out, AtomicFiles.writeString(out.resolve("reports/cluster_profiles.md"), clusterProfiles(a))));
        files.add(rel(out, AtomicFiles.writeString(out.resolve("reports/executive_summary.md"), executiveSummary(a))));
        a.model.save(out.resolve("model"));
        files.add("model/manifest.json");
        return files;
    }

    private static String rel(Path out, Path file) {
        return out.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    // ---------------------------------------------------------------- CSV

    private static Path comparisonCsv(Segmentation.Analysis a, Path file) {
        return AtomicFiles.write(file, os -> {
            try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                w.writeRecord(Candidate.CSV_HEADER);
                for (Candidate c : a.candidates) {
                    w.writeRecord(c.csv());
                }
            }
        });
    }

    private static Path segmentsCsv(Segmentation.Analysis a, Path file) {
        return AtomicFiles.write(file, os -> {
            try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                w.writeRecord("user_id", "segment", "segment_name");
                for (int r = 0; r < a.raw.rows(); r++) {
                    int s = a.segments[r];
                    w.writeRecord(Long.toString(a.raw.userId(r)), Integer.toString(s),
                            s < 0 ? SegmentAssignment.OUTLIER : a.model.segment(s).name());
                }
            }
        });
    }

    private static Path featuresCsv(Segmentation.Analysis a, Path file) {
        return AtomicFiles.write(file, os -> {
            try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                List<String> header = new ArrayList<>();
                header.add("user_id");
                header.addAll(a.raw.names());
                w.writeRecord(header);
                String[] row = new String[header.size()];
                for (int r = 0; r < a.raw.rows(); r++) {
                    row[0] = Long.toString(a.raw.userId(r));
                    for (int c = 0; c < a.raw.columns(); c++) {
                        double v = a.raw.get(r, c);
                        row[c + 1] = Double.isNaN(v) ? "" : Fmt.f("%.6g", v);
                    }
                    w.writeRecord(row);
                }
            }
        });
    }

    // ---------------------------------------------------------------- charts

    private static Map<String, List<double[]>> seriesByK(Segmentation.Analysis a, boolean silhouette) {
        Map<String, List<double[]>> s = new LinkedHashMap<>();
        for (int i = 0; i < a.trials.size(); i++) {
            Search.Trial t = a.trials.get(i);
            Candidate c = a.candidates.get(i);
            String name = switch (t.algorithm) {
                case KMEANS -> "k-means";
                case GMM -> "GMM " + t.config.substring("covariance=".length(), t.config.indexOf(';'));
                case WARD -> "Ward";
                default -> null;
            };
            if (name == null) {
                continue;
            }
            double y = silhouette ? c.silhouette() : c.inertia();
            s.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {t.modelClusters, y});
        }
        return s;
    }

    private static void addSeries(XYChart chart, Map<String, List<double[]>> series) {
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = pts.stream().mapToDouble(p -> Double.isFinite(p[1]) ? p[1] : 0).toArray();
            chart.addSeries(e.getKey(), xs, ys);
        }
    }

    private static Path elbow(Segmentation.Analysis a, Path file) {
        XYChart chart = Charts.xy("Elbow: within-segment sum of squares by number of segments", "segments (k)",
                "within-segment sum of squares");
        Map<String, List<double[]>> s = seriesByK(a, false);
        s.keySet().removeIf(k -> k.startsWith("GMM"));
        if (s.isEmpty()) {
            chart.addSeries("none", new double[] {0}, new double[] {0});
        } else {
            addSeries(chart, s);
        }
        if (a.elbowK > 0) {
            chart.addAnnotation(new AnnotationLine(a.elbowK, true, false));
        }
        return Charts.savePng(chart, file);
    }

    private static Path silhouetteByK(Segmentation.Analysis a, Path file) {
        XYChart chart = Charts.xy("Silhouette by number of segments", "segments (k)", "mean silhouette");
        Map<String, List<double[]>> s = seriesByK(a, true);
        if (s.isEmpty()) {
            chart.addSeries("none", new double[] {0}, new double[] {0});
        } else {
            addSeries(chart, s);
        }
        return Charts.savePng(chart, file);
    }

    private static Path bic(Segmentation.Analysis a, Path file) {
        XYChart chart = Charts.xy("Gaussian mixtures: BIC by number of components (lower is better)"
                + (a.x.n() > a.params.gmmSample() ? ", on a sample of " + Fmt.count(a.params.gmmSample()) : ""),
                "components", "BIC");
        Map<String, List<double[]>> s = new LinkedHashMap<>();
        for (int i = 0; i < a.trials.size(); i++) {
            Search.Trial t = a.trials.get(i);
            if (t.algorithm == Algorithm.GMM) {
                String name = t.config.substring("covariance=".length(), t.config.indexOf(';'));
                s.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {t.modelClusters, t.bic});
            }
        }
        addSeries(chart, s);
        return Charts.savePng(chart, file);
    }

    private static Path silhouetteProfile(Segmentation.Analysis a, Path file) {
        XYChart chart = Charts.xy("Silhouette of each viewer, by segment (" + a.chosen.label() + ")", "viewers",
                "silhouette");
        int k = a.model.segments().size();
        int pos = 0;
        for (int s = 0; s < k; s++) {
            List<Double> vals = new ArrayList<>();
            for (int r = 0; r < a.silhouetteRows.length; r++) {
                double v = a.chosenSilhouettes[r];
                if (a.segments[a.silhouetteRows[r]] == s && !Double.isNaN(v)) {
                    vals.add(v);
                }
            }
            if (vals.isEmpty()) {
                continue;
            }
            vals.sort((p, q) -> Double.compare(q, p));
            double[] xs = new double[vals.size()];
            double[] ys = new double[vals.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = pos + i;
                ys[i] = vals.get(i);
            }
            pos += xs.length + Math.max(1, a.silhouetteRows.length / 100);
            XYSeries series = chart.addSeries(s + ": " + a.model.segment(s).name(), xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            series.setMarker(SeriesMarkers.NONE);
            series.setFillColor(Charts.color(s));
            series.setLineColor(Charts.color(s));
        }
        if (pos == 0) {
            chart.addSeries("none", new double[] {0}, new double[] {0});
        }
        chart.addAnnotation(new AnnotationLine(a.chosen.silhouette(), false, false));
        return Charts.savePng(chart, file);
    }

    private static Path pcaScatter(Segmentation.Analysis a, Path file) {
        double[] ev = a.pca.explainedVarianceRatio();
        XYChart chart = Charts.xy("Viewers on the first two principal components, coloured by segment",
                "PC1 (" + Fmt.pct(ev[0]) + " of variance)", ev.length > 1 ? "PC2 (" + Fmt.pct(ev[1]) + ")" : "PC2");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        int n = a.x.n();
        int[] rows = Search.sample(n, 4000, a.params.seed() ^ 0x9CA1L);
        int k = a.model.segments().size();
        for (int s = -1; s < k; s++) {
            List<double[]> pts = new ArrayList<>();
            for (int r : rows) {
                if (a.segments[r] == s) {
                    pts.add(new double[] {a.pcaCoords.get(r, 0), a.pcaCoords.d() > 1 ? a.pcaCoords.get(r, 1) : 0});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(s < 0 ? "outliers" : s + ": " + a.model.segment(s).name(),
                    pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(s < 0 ? java.awt.Color.LIGHT_GRAY : Charts.color(s));
        }
        return Charts.savePng(chart, file);
    }

    private static Path sizes(Segmentation.Analysis a, Path file) {
        CategoryChart chart = Charts.bars("Segment sizes", "segment", "viewers");
        List<String> names = new ArrayList<>();
        List<Number> sizes = new ArrayList<>();
        for (SegmentProfile p : a.model.segments()) {
            names.add(p.id() + ": " + p.name());
            sizes.add(p.size());
        }
        chart.addSeries("viewers", names, sizes);
        return Charts.savePng(chart, file);
    }

    private static Path profileHeatmap(Segmentation.Analysis a, Path file) {
        List<String> features = a.raw.names();
        List<String> cols = features.stream().map(ViewerFeatures::label).toList();
        List<String> rows = new ArrayList<>();
        double[][] v = new double[a.model.segments().size()][features.size()];
        for (SegmentProfile p : a.model.segments()) {
            rows.add(p.id() + ": " + p.name());
            for (int c = 0; c < features.size(); c++) {
                v[p.id()][c] = Math.max(-2, Math.min(2, p.zScores().get(features.get(c))));
            }
        }
        return Charts.savePng(Charts.heatMap("Segment profiles: mean z-score of each feature (clipped to ±2)", cols,
                rows, v, -2, 2, "0.0"), file);
    }

    private static Path representationHeatmap(Segmentation.Analysis a, Path file) {
        Representation rep = a.representation;
        List<String> cols = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int g = 0; g < rep.groups().size(); g++) {
            Representation.Group gr = rep.groups().get(g);
            if (gr.count() > 0) {
                cols.add(gr.dimension() + " " + gr.name());
                keep.add(g);
            }
        }
        double[][] v = new double[rep.segments().size()][keep.size()];
        for (int s = 0; s < v.length; s++) {
            for (int j = 0; j < keep.size(); j++) {
                double x = rep.index()[s][keep.get(j)];
                v[s][j] = Double.isFinite(x) ? x : 1;
            }
        }
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < rep.segments().size(); s++) {
            rows.add(s + ": " + rep.segments().get(s));
        }
        return Charts.savePng(Charts.heatMap("Representation index by segment (group share of segment / share of all; "
                + "< " + Representation.UNDER + " flagged)", cols, rows, v, 0, io.marquee.segment.eda.Eda.upper(v), "0.00"), file);
    }

    // ---------------------------------------------------------------- markdown

    static String glanceTable(Segmentation.Analysis a) {
        MarkdownTable t = new MarkdownTable(">id", "segment", ">viewers", ">share", ">views (mean)", ">views/week",
                ">completion", ">mean rating", "top genre (lift)");
        for (SegmentProfile p : a.model.segments()) {
            Map<String, Double> e = p.engagement();
            SegmentProfile.GenreLift g = p.topGenres().isEmpty() ? null : p.topGenres().get(0);
            t.row(p.id(), p.name(), Fmt.count(p.size()), Fmt.pct(p.share()), Fmt.num(e.get("views"), 1),
                    Fmt.num(e.getOrDefault("views_per_week", Double.NaN), 2),
                    Fmt.pct(e.getOrDefault("completion_rate", Double.NaN)),
                    Fmt.num(e.getOrDefault("rating_mean", Double.NaN), 2),
                    g == null ? "" : g.genre() + " (" + Fmt.num(g.lift(), 2) + "×)");
        }
        return t.toString();
    }

    static String clusterProfiles(Segmentation.Analysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Cluster profiles\n\n");
        sb.append("Segmentation of ").append(Fmt.count(a.raw.rows())).append(" viewers (those with at least ")
                .append(a.params.minViews()).append(a.params.minViews() == 1 ? " view" : " views").append(") on ")
                .append(a.raw.columns()).append(" behaviour features; chosen model: **").append(a.chosen.label())
                .append("** (silhouette ").append(Fmt.num(a.chosen.silhouette(), 3)).append("). ")
                .append("See [the executive summary](executive_summary.md) for how it was chosen.\n\n");
        sb.append("A segment's **z** on a feature is the mean of its viewers' standardised values: how many ")
                .append("population standard deviations the segment sits above (+) or below (−) the average viewer. ")
                .append("Raw values are after cleaning (missing values imputed with the median, clipped to the ")
                .append(ordinal(100 * a.params.winsorQuantile())).append(" and ")
                .append(ordinal(100 - 100 * a.params.winsorQuantile())).append(" percentiles).\n\n");
        sb.append("## Segments at a glance\n\n").append(glanceTable(a)).append('\n');
        sb.append("![segment sizes](../charts/segment_sizes.png)\n\n");
        sb.append("![segment profiles](../charts/segment_profiles.png)\n\n");
        for (SegmentProfile p : a.model.segments()) {
            sb.append("## ").append(p.id()).append(". ").append(p.name()).append("\n\n");
            sb.append(p.summary()).append("\n\n");
            sb.append("**What sets it apart**\n\n");
            MarkdownTable t = new MarkdownTable("feature", ">segment", ">all viewers", ">z");
            for (SegmentProfile.Trait tr : p.traits()) {
                t.row(tr.label(), Profiler.value(tr.feature(), tr.segmentMean()),
                        Profiler.value(tr.feature(), tr.populationMean()), signed(tr.z()));
            }
            sb.append(t).append('\n');
            if (!p.topGenres().isEmpty()) {
                sb.append("**Genres with the highest lift**\n\n");
                MarkdownTable g = new MarkdownTable("genre", ">share of views", ">all viewers", ">lift");
                for (SegmentProfile.GenreLift gl : p.topGenres()) {
                    g.row(gl.genre(), Fmt.pct(gl.share()), Fmt.pct(gl.populationShare()), Fmt.num(gl.lift(), 2) + "×");
                }
                sb.append(g).append('\n');
            }
            Map<String, Double> e = p.engagement();
            sb.append("**Engagement**: ").append(Fmt.num(e.get("views"), 1)).append(" views on average (all viewers ")
                    .append(Fmt.num(e.get("population_views"), 1)).append(")");
            if (e.containsKey("views_per_week")) {
                sb.append(", ").append(Fmt.num(e.get("views_per_week"), 2)).append(" per week");
            }
            if (e.containsKey("completion_rate")) {
                sb.append(", completion ").append(Fmt.pct(e.get("completion_rate")));
            }
            if (e.containsKey("rating_mean")) {
                sb.append(", mean rating ").append(Fmt.num(e.get("rating_mean"), 2));
            }
            if (e.containsKey("recency_days")) {
                sb.append(", last view ").append(Fmt.num(e.get("recency_days"), 0)).append(" days before the end of the data");
            }
            sb.append(".\n\n");
            sb.append("**For curation and recommendation**\n\n");
            for (String act : p.actions()) {
                sb.append("- ").append(act).append('\n');
            }
            List<Representation.Flag> flags = a.representation.flags().stream().filter(f -> f.segment() == p.id()).toList();
            sb.append("\n**Representation**: ");
            if (flags.isEmpty()) {
                sb.append("no age group or gender is under-represented (index < ").append(Representation.UNDER)
                        .append(").\n\n");
            } else {
                List<String> fs = new ArrayList<>();
                for (Representation.Flag f : flags) {
                    fs.add(f.dimension() + " " + f.group() + " " + Fmt.pct(f.segmentShare()) + " of the segment vs "
                            + Fmt.pct(f.populationShare()) + " overall (index " + Fmt.num(f.index(), 2) + ")");
                }
                sb.append("under-represented: ").append(String.join("; ", fs)).append(".\n\n");
            }
        }
        sb.append("## Feature means by segment\n\n");
        List<String> header = new ArrayList<>();
        header.add("feature");
        header.add(">all viewers");
        for (SegmentProfile p : a.model.segments()) {
            header.add(">" + p.id());
        }
        MarkdownTable m = new MarkdownTable(header.toArray(String[]::new));
        for (int c = 0; c < a.raw.columns(); c++) {
            String f = a.raw.names().get(c);
            List<Object> row = new ArrayList<>();
            row.add(ViewerFeatures.label(f));
            double pop = 0;
            for (int r = 0; r < a.raw.rows(); r++) {
                pop += a.pre.clean(c, a.raw.get(r, c));
            }
            row.add(Profiler.value(f, pop / a.raw.rows()));
            for (SegmentProfile p : a.model.segments()) {
                row.add(Profiler.value(f, a.pre.unscale(c, p.zScores().get(f))));
            }
            m.row(row.toArray());
        }
        sb.append(m).append('\n');
        sb.append("## How the names are made\n\n");
        sb.append("Names are derived from each segment's z-scores by fixed rules, in this order:\n\n")
                .append("1. lifecycle: days since last view z ≥ ").append(Profiler.LIFECYCLE_Z)
                .append(" → *Lapsed*; days since first view z ≤ −").append(Profiler.LIFECYCLE_Z).append(" → *New*;\n")
                .append("2. activity: views (log) z ≥ ").append(Profiler.ACTIVITY_Z).append(" → *Heavy*, ≤ −")
                .append(Profiler.ACTIVITY_Z).append(" → *Casual*;\n")
                .append("3. habit: the habit feature with the largest |z| ≥ ").append(Profiler.HABIT_Z)
                .append(" in its named direction (weekend, late-night, daytime, prime-time, binge, committed / drop-prone, "
                        + "long-film / short-film, generous / critical, rating-happy, rewatching, a device);\n")
                .append("4. noun: *<genre> fans* for the genre with the highest lift when the lift is ≥ ")
                .append(Profiler.GENRE_LIFT).append(" and the genre takes ≥ ").append(Fmt.pct(Profiler.GENRE_MIN_SHARE))
                .append(" of the segment's views; else *binge-watchers* when the habit is binge; else *viewers*;\n")
                .append("5. a segment with none of these is *Mainstream viewers*; segments with the same name are told ")
                .append("apart by their next habit in parentheses.\n\n");
        sb.append("PCA view of the segments (2-D projection of the standardised features):\n\n")
                .append("![PCA](../charts/pca_segments.png)\n");
        return sb.toString();
    }

    static String executiveSummary(Segmentation.Analysis a) {
        StringBuilder sb = new StringBuilder();
        int users = a.data.users().size();
        sb.append("# Audience segmentation: executive summary\n\n");
        String period = "";
        long[] t = a.data.watches().size() > 0 ? a.data.watches().startedAtArray() : a.data.ratings().timeArray();
        if (t.length > 0) {
            long min = Arrays.stream(t).min().getAsLong();
            long max = Arrays.stream(t).max().getAsLong();
            period = ", viewing from " + day(min) + " to " + day(max);
        }
        sb.append(Fmt.count(a.raw.rows())).append(" of ").append(Fmt.count(users))
                .append(" viewers were segmented (those with at least ").append(a.params.minViews())
                .append(a.params.minViews() == 1 ? " view" : " views").append(period).append(") on ")
                .append(a.raw.columns()).append(" behaviour features: activity, ratings, completion, time of day and ")
                .append("week, devices, recency, tenure and genre shares. Demographics were left out of the features ")
                .append("and used only to check representation.\n\n");
        sb.append("## The segments\n\n");
        sb.append(glanceTable(a)).append('\n');
        for (SegmentProfile p : a.model.segments()) {
            sb.append("- **").append(p.name()).append("** (").append(Fmt.pct(p.share())).append("): ")
                    .append(p.actions().get(0)).append('\n');
        }
        sb.append("\n## How the model was chosen\n\n");
        Map<String, Integer> perAlgo = new LinkedHashMap<>();
        for (Candidate c : a.candidates) {
            perAlgo.merge(c.algorithm(), 1, Integer::sum);
        }
        sb.append(a.candidates.size()).append(" settings of ").append(perAlgo.size())
                .append(" algorithms were tried (all in `model_comparison.csv`). The best of each (the best admissible ")
                .append("setting when there is one):\n\n");
        MarkdownTable best = new MarkdownTable("algorithm", "best setting", ">segments", ">silhouette",
                ">Davies–Bouldin", ">Calinski–Harabasz", ">noise", "admissible");
        for (String algo : perAlgo.keySet()) {
            Candidate top = null;
            for (Candidate c : a.candidates) {
                if (c.algorithm().equals(algo) && (c.admissible() || c.chosen())
                        && (top == null || c.silhouette() > top.silhouette())) {
                    top = c;
                }
            }
            for (Candidate c : a.candidates) {
                if (top == null && c.algorithm().equals(algo) && !Double.isNaN(c.silhouette())) {
                    top = c;
                } else if (top != null && !top.admissible() && !top.chosen() && c.algorithm().equals(algo)
                        && c.silhouette() > top.silhouette()) {
                    top = c;
                }
            }
            if (top == null) {
                for (Candidate c : a.candidates) {
                    if (c.algorithm().equals(algo)) {
                        top = c;
                        break;
                    }
                }
            }
            best.row(Algorithm.parse(algo).label(), top.config().replace(";", ", "), top.clusters(),
                    Fmt.num(top.silhouette(), 3), Fmt.num(top.daviesBouldin(), 3), Fmt.num(top.calinskiHarabasz(), 1),
                    Fmt.pct(top.noiseShare()), top.admissible() ? "yes" : "no: " + top.note());
        }
        sb.append(best).append('\n');
        sb.append("**Chosen: ").append(a.chosen.label()).append(".** ").append(a.reason).append(" ")
                .append(structureWords(a.chosen.silhouette())).append("\n\n");
        int m = a.silhouetteRows.length;
        sb.append("Silhouettes were computed ").append(m == a.x.n() ? "exactly on all " + Fmt.count(m) + " viewers"
                : "on a random sample of " + Fmt.count(m) + " of the " + Fmt.count(a.x.n()) + " viewers (exact up to "
                + Fmt.count(a.params.silhouetteMaxExact()) + ")").append("; Davies–Bouldin and Calinski–Harabasz on all. ")
                .append("Ward, DBSCAN and HDBSCAN* were fitted on samples (")
                .append(Fmt.count(Math.min(a.x.n(), a.params.wardSample()))).append(" and ")
                .append(Fmt.count(Math.min(a.x.n(), a.params.densitySample())))
                .append(" viewers) and the other viewers assigned to the nearest centroid, core point or exemplar.")
                .append(a.x.n() > a.params.gmmSample() ? " Gaussian mixtures of every size were fitted on a sample of "
                        + Fmt.count(a.params.gmmSample()) + " viewers, where BIC compared them; the BIC-best size of each "
                        + "covariance shape was fitted again on all viewers." : "")
                .append("\n\n");
        sb.append("**Caveat.** Silhouette, Davies–Bouldin and Calinski–Harabasz all reward compact, convex, ")
                .append("well-separated groups, which is what k-means, Gaussian mixtures and Ward produce. They do not ")
                .append("rank density-based results (DBSCAN, HDBSCAN*) fairly: those find groups of any shape and set ")
                .append("noise aside (noise is left out of their scores here). ");
        double densBest = Double.NaN;
        for (Candidate c : a.candidates) {
            if ((c.algorithm().equals("dbscan") || c.algorithm().equals("hdbscan")) && (Double.isNaN(densBest)
                    || c.noiseShare() < densBest)) {
                densBest = c.noiseShare();
            }
        }
        if (!Double.isNaN(densBest)) {
            sb.append("On these features the density-based runs left at least ").append(Fmt.pct(densBest))
                    .append(" of viewers as noise or found too few groups: viewer behaviour forms overlapping clouds ")
                    .append("rather than dense islands, so partitioning methods suit it better.");
        }
        sb.append("\n\n");
        sb.append("![silhouette by k](../charts/silhouette_by_k.png)\n\n![elbow](../charts/elbow.png)\n\n");
        sb.append("## Stability\n\n");
        Stability st = a.stability;
        if (st.runs() > 0) {
            sb.append("Re-fitting the chosen setting on ").append(st.runs()).append(" random subsamples of ")
                    .append(Fmt.pct(st.fraction())).append(" of the viewers (new seeds) and labelling everyone gives an ")
                    .append("adjusted Rand index against the chosen model of **").append(Fmt.num(st.meanAri(), 3))
                    .append("** on average (lowest ").append(Fmt.num(st.minAri(), 3)).append("): ")
                    .append(stabilityWord(st.meanAri())).append(".\n\n");
        }
        if (st.halvesViewers() > 1) {
            sb.append("Across time, features computed separately on the first and second half of the period (split at ")
                    .append(day(st.splitTime())).append(") put ").append(Fmt.pct(st.halvesAgreement()))
                    .append(" of the ").append(Fmt.count(st.halvesViewers()))
                    .append(" viewers active in both halves in the same segment (adjusted Rand index ")
                    .append(Fmt.num(st.halvesAri(), 3)).append("). Half the history is a noisier picture of a viewer, ")
                    .append("so this is a lower bound on how steady the segments are.\n\n");
        }
        sb.append("## Representation\n\n");
        List<Representation.Flag> flags = a.representation.flags();
        if (flags.isEmpty()) {
            sb.append("No age group or gender is under-represented in any segment (representation index below ")
                    .append(Representation.UNDER).append(" with at least ").append(Fmt.num(Representation.MIN_EXPECTED, 0))
                    .append(" viewers expected).\n\n");
        } else {
            sb.append(flags.size()).append(flags.size() == 1 ? " group–segment pair is" : " group–segment pairs are")
                    .append(" under-represented (the group's share of the segment ")
                    .append("is below ").append(Representation.UNDER).append("× its share of all viewers):\n\n");
            MarkdownTable f = new MarkdownTable("segment", "group", ">share of segment", ">share of all", ">index");
            for (Representation.Flag fl : flags) {
                f.row(fl.segment() + ": " + fl.segmentName(), fl.dimension() + " " + fl.group(), Fmt.pct(fl.segmentShare()),
                        Fmt.pct(fl.populationShare()), Fmt.num(fl.index(), 2));
            }
            sb.append(f).append('\n');
            sb.append("Segments are built from behaviour only, so these gaps reflect how the groups watch; a campaign ")
                    .append("aimed at one segment reaches these groups less, which matters for fairness of exposure.\n\n");
        }
        sb.append("![representation](../charts/representation.png)\n\n");
        sb.append("## What it means for curation and recommendation\n\n");
        for (SegmentProfile p : a.model.segments()) {
            sb.append("**").append(p.id()).append(". ").append(p.name()).append("**\n\n");
            for (String act : p.actions()) {
                sb.append("- ").append(act).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Files\n\n")
                .append("- `model_comparison.csv`: every algorithm and setting with its scores\n")
                .append("- `segments.csv`: each viewer's segment; `viewer_features.csv`: the raw features\n")
                .append("- `reports/cluster_profiles.md`: full profiles\n")
                .append("- `charts/`: elbow, silhouette by k, GMM BIC, silhouette profile, PCA scatter, sizes, profiles, representation\n")
                .append("- `model/`: the saved model (Marquee model archive), to assign viewers later\n\n");
        sb.append("Parameters: `").append(a.params.toMap()).append("`\n");
        return sb.toString();
    }

    /** What a silhouette says about the structure (Kaufman and Rousseeuw's rule of thumb). */
    static String structureWords(double silhouette) {
        String s = "A silhouette of " + Fmt.num(silhouette, 3);
        if (silhouette >= 0.7) {
            return s + " means strong structure: the segments are well-separated groups.";
        }
        if (silhouette >= 0.5) {
            return s + " means reasonable structure: the segments are distinct groups with some overlap.";
        }
        if (silhouette >= 0.25) {
            return s + " means weak structure: the segments overlap, their cores are distinct.";
        }
        return s + " means no strong natural grouping: viewers form a continuum of behaviour, and the segments are a "
                + "useful partition of it (describe a viewer by the segment's traits, but expect many viewers near "
                + "the borders).";
    }

    static String stabilityWord(double ari) {
        if (Double.isNaN(ari)) {
            return "not measured";
        }
        if (ari >= 0.8) {
            return "the segments are stable";
        }
        if (ari >= 0.6) {
            return "the segments are moderately stable; their cores hold, their borders move";
        }
        return "the segments are unstable: treat their borders as soft";
    }

    /** 1 → "1st", 99 → "99th", 2.5 → "2.5th". */
    static String ordinal(double v) {
        if (v != Math.rint(v)) {
            return Fmt.num(v, 1) + "th";
        }
        long n = Math.round(v);
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    private static String signed(double z) {
        return (z >= 0 ? "+" : "") + Fmt.num(z, 2);
    }

    private static String day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
