package io.marquee.predict.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.progress.Progress;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.dropoff.DropoffEvaluation;
import io.marquee.predict.dropoff.DropoffExamples;
import io.marquee.predict.dropoff.DropoffModel;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffPredictor;
import io.marquee.predict.dropoff.DropoffTask;
import io.marquee.predict.dropoff.PredictionContext;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.metrics.ReliabilityBin;
import io.marquee.predict.table.SchemaInference;
import io.marquee.predict.table.Table;
import io.marquee.predict.tabular.ExperimentResult;
import io.marquee.predict.tabular.ImbalanceComparison;
import io.marquee.predict.tabular.LabelledTable;
import io.marquee.predict.tabular.PredictionSummary;
import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.predict.tabular.TabularTrainer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measurements for docs/dropoff.md (not a test). Run from the module directory after
 * {@code ./mvnw -pl marquee-predict -am install -DskipTests} and {@code test-compile}:
 *
 * <pre>
 * java -Xmx8g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.marquee.predict.bench.PredictBench dropoff 10000 2000
 * java ... PredictBench dropoff 50000 5000 gbdt    # the last argument: an algorithm to compare with
 * java ... PredictBench telco ../../shared/data/telco-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv
 * java ... PredictBench imbalance-dropoff 3000 500
 * java ... PredictBench ceiling 10000 2000         # how much of each hidden term of the generator's logit the model has
 * </pre>
 */
public final class PredictBench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "dropoff" -> dropoff(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? Algo.of(args[3]) : null);
            case "ceiling" -> DropoffCeiling.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "telco" -> telco(Path.of(args[1]), true, true, true);
            case "telco-cv" -> telco(Path.of(args[1]), true, false, false);
            case "telco-imbalance" -> telco(Path.of(args[1]), false, true, false);
            case "predict-csv" -> telco(Path.of(args[1]), false, false, true);
            case "imbalance-dropoff" -> imbalanceDropoff(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Dataset generate(int users, int movies) {
        long t = System.nanoTime();
        DatasetBuilder b = new DatasetBuilder();
        SyntheticGenerator.generate(GeneratorParams.defaults().withUsers(users).withMovies(movies), b, Progress.NONE);
        Dataset ds = b.build();
        System.out.printf(Locale.ROOT, "generated %,d users, %,d films, %,d watch events, %,d ratings in %.1f s%n", users,
                movies, ds.watches().size(), ds.ratings().size(), (System.nanoTime() - t) / 1e9);
        return ds;
    }

    /** The drop-off task with its defaults, then (when {@code compare} is given) with that algorithm. */
    static void dropoff(int users, int movies, Algo compare) throws Exception {
        Dataset ds = generate(users, movies);
        System.out.println("processors " + Runtime.getRuntime().availableProcessors() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, OMP_WAIT_POLICY="
                + System.getenv("OMP_WAIT_POLICY"));
        DropoffParams params = DropoffParams.defaults();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        DropoffTask.Result r = DropoffTask.train(ds, params);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "TRAIN wall %.1f s, process CPU %.1f s, load average %.2f%n", wall, cpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        DropoffEvaluation e = r.evaluation();
        Map<String, Object> m = e.toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) m.get("test");
        test.remove("reliability");
        System.out.println(JSON.writeValueAsString(m));
        System.out.printf(Locale.ROOT, "DROPOFF users=%d events=%d auc=%.4f oracle=%.4f ratio=%.4f logloss=%.4f "
                        + "oracle_logloss=%.4f brier=%.4f oracle_brier=%.4f f1=%.4f threshold=%.3f calibration=%s "
                        + "features_s=%.1f train_s=%.1f total_wall_s=%.1f%n", users, ds.watches().size(),
                e.test().rocAuc(), e.oracleAuc(), e.aucRatio(), e.test().logLoss(), e.oracleLogLoss(),
                e.test().brier(), e.oracleBrier(), e.test().f1(), e.test().threshold(), e.calibration().get("chosen"),
                e.featureSeconds(), e.trainSeconds(), wall);
        System.out.println("reliability (test): bin | count | mean predicted | observed");
        for (ReliabilityBin b : e.test().reliability()) {
            System.out.printf(Locale.ROOT, "  [%.1f, %.1f) | %d | %.3f | %.3f%n", b.lower(), b.upper(), b.count(),
                    b.meanPredicted(), b.observedRate());
        }

        // batch scoring: the test rows through pipeline + classifier + calibrator, best of three
        DropoffExamples ex = DropoffExamples.build(ds, params);
        Table testTable = ex.table().select(ex.rows(DropoffExamples.TEST));
        TabularModel tm = r.model().tabular();
        double best = 0;
        double bestMatrix = 0;
        for (int rep = 0; rep < 3; rep++) {
            long s = System.nanoTime();
            tm.predictProba(testTable);
            best = Math.max(best, testTable.rows() / ((System.nanoTime() - s) / 1e9));
            FloatMatrix x = tm.pipeline().transform(testTable);
            s = System.nanoTime();
            tm.predictProba(x);
            bestMatrix = Math.max(bestMatrix, x.rows() / ((System.nanoTime() - s) / 1e9));
        }
        System.out.printf(Locale.ROOT, "FEATURES %d columns -> %d pipeline features%n", testTable.schema().size(),
                tm.pipeline().width());
        System.out.printf(Locale.ROOT, "SCORING rows=%d table->probability %.0f rows/s; matrix->probability %.0f rows/s%n",
                testTable.rows(), best, bestMatrix);

        // test ROC-AUC against the oracle by the length of the viewer's history before the event
        double[] all = tm.predictProba(testTable);
        double[] hv = testTable.numeric("h_views");
        int[] testRows = ex.rows(DropoffExamples.TEST);
        System.out.println("BY_HISTORY prior views | test events | ROC-AUC | oracle | ratio");
        for (int[] bk : new int[][] {{0, 0}, {1, 5}, {6, 15}, {16, 40}, {41, Integer.MAX_VALUE}}) {
            it.unimi.dsi.fastutil.ints.IntArrayList sel = new it.unimi.dsi.fastutil.ints.IntArrayList();
            for (int k = 0; k < hv.length; k++) {
                if (hv[k] >= bk[0] && hv[k] <= bk[1]) {
                    sel.add(k);
                }
            }
            double[] pp = new double[sel.size()];
            double[] tr = new double[sel.size()];
            boolean[] yy = new boolean[sel.size()];
            for (int q = 0; q < sel.size(); q++) {
                pp[q] = all[sel.getInt(q)];
                tr[q] = ex.truth()[testRows[sel.getInt(q)]];
                yy[q] = ex.labels()[testRows[sel.getInt(q)]];
            }
            double a = io.marquee.predict.metrics.Metrics.rocAuc(pp, yy);
            double o = io.marquee.predict.metrics.Metrics.rocAuc(tr, yy);
            System.out.printf(Locale.ROOT, "  %s | %d | %.4f | %.4f | %.4f%n",
                    bk[1] == Integer.MAX_VALUE ? bk[0] + "+" : bk[0] + "–" + bk[1], sel.size(), a, o, a / o);
        }

        // serving: predictor build and per-request latency (one viewer, 20 films)
        long s = System.nanoTime();
        DropoffPredictor predictor = r.model().predictor(ds);
        double build = (System.nanoTime() - s) / 1e9;
        long[] films = new long[20];
        for (int k = 0; k < films.length; k++) {
            films[k] = k + 1;
        }
        PredictionContext ctx = new PredictionContext(Instant.parse("2025-01-10T20:30:00Z"), null);
        for (int k = 0; k < 200; k++) {
            predictor.forUser(1 + k % users, films, ctx);
        }
        s = System.nanoTime();
        int requests = 2000;
        for (int k = 0; k < requests; k++) {
            predictor.forUser(1 + k % users, films, ctx);
        }
        double per = (System.nanoTime() - s) / 1e6 / requests;
        System.out.printf(Locale.ROOT, "SERVING predictor build %.2f s; forUser(20 films) %.3f ms per request%n", build,
                per);
        Path dir = Files.createTempDirectory("dropoff-model");
        s = System.nanoTime();
        r.model().save(dir.resolve("m"));
        double save = (System.nanoTime() - s) / 1e9;
        s = System.nanoTime();
        DropoffModel.load(dir.resolve("m"));
        System.out.printf(Locale.ROOT, "SAVE %.2f s, LOAD %.2f s%n", save, (System.nanoTime() - s) / 1e9);

        if (compare != null) {
            for (Algo a : List.of(compare)) {
                DropoffEvaluation le = DropoffTask.evaluate(ds, params.withAlgo(a, Map.of()));
                System.out.printf(Locale.ROOT, "BASELINE %s auc=%.4f ratio=%.4f logloss=%.4f brier=%.4f train_s=%.1f%n",
                        a.id(), le.test().rocAuc(), le.aucRatio(), le.test().logLoss(), le.test().brier(),
                        le.trainSeconds());
            }
        }
    }

    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() : 0;
    }

    static void telco(Path csv, boolean cv, boolean imbalance, boolean predict) throws Exception {
        List<String> rows = new ArrayList<>();
        Algo[] algos = cv ? Algo.values() : new Algo[0];
        if (System.getenv("MARQUEE_ALGOS") != null) {
            algos = java.util.Arrays.stream(System.getenv("MARQUEE_ALGOS").split(",")).map(Algo::of)
                    .toArray(Algo[]::new);
        }
        for (Algo a : algos) {
            ExperimentResult r = TabularExperiment.evaluate(csv, "Churn", "Yes", a, Map.of(), 5, 42);
            var s = r.summary();
            rows.add(String.format(Locale.ROOT, "| %s | %.4f ± %.4f | %.4f | %.4f ± %.4f | %.4f | %.4f | %.4f | %.4f | %s | %.1f |",
                    a.id(), s.get("roc_auc").mean(), s.get("roc_auc").std(), s.get("pr_auc").mean(), s.get("f1").mean(),
                    s.get("f1").std(), s.get("brier").mean(), s.get("log_loss").mean(), s.get("ece").mean(),
                    s.get("threshold").mean(), calibrations(r), r.seconds()));
            if (a == Algo.GBDT) {
                System.out.println("GBDT pooled out-of-fold reliability: bin | count | mean predicted | observed");
                for (ReliabilityBin b : r.pooled().reliability()) {
                    System.out.printf(Locale.ROOT, "  [%.1f, %.1f) | %d | %.3f | %.3f%n", b.lower(), b.upper(), b.count(),
                            b.meanPredicted(), b.observedRate());
                }
            }
        }
        if (cv) {
            System.out.println("| algo | ROC-AUC | PR-AUC | F1 | Brier | log-loss | ECE | threshold | calibration | s |");
            rows.forEach(System.out::println);
        }
        LabelledTable data = LabelledTable.read(csv, "Churn", "Yes");
        if (imbalance) {
            ImbalanceComparison cmp = TabularExperiment.compareImbalance(data, Algo.GBDT, Map.of(), 5, 42, "telco");
            System.out.println("IMBALANCE telco gbdt 5-fold");
            System.out.print(cmp.toMarkdown());
        }
        if (!predict) {
            return;
        }

        // batch CSV scoring: Telco rows repeated to about a million
        Path dir = Files.createTempDirectory("telco-bench");
        TabularTrainer.Result trained = TabularExperiment.train(csv, "Churn", "Yes", Algo.GBDT, Map.of(), 42,
                dir.resolve("model"));
        List<String> lines = Files.readAllLines(csv);
        Path big = dir.resolve("big.csv");
        int copies = 142;
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write(lines.get(0));
            w.newLine();
            for (int c = 0; c < copies; c++) {
                for (int k = 1; k < lines.size(); k++) {
                    w.write(lines.get(k));
                    w.newLine();
                }
            }
        }
        for (int rep = 0; rep < 3; rep++) {
            long c0 = cpuNanos();
            PredictionSummary ps = TabularExperiment.predictCsv(dir.resolve("model"), big, dir.resolve("out.csv"));
            double cpuS = (cpuNanos() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "PREDICT_CSV rows=%d ok=%d failed=%d seconds=%.2f rows/s=%.0f process CPU %.1f s"
                            + " (%.0f rows per CPU-second) load %.1f (file %d MB)%n",
                    ps.rows(), ps.predicted(), ps.failed(), ps.seconds(), ps.rowsPerSecond(), cpuS, ps.rows() / cpuS,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Files.size(big) >> 20);
        }
        Table t = data.table();
        TabularModel m = trained.model();
        for (int rep = 0; rep < 3; rep++) {
            long s = System.nanoTime();
            long c0 = cpuNanos();
            int n = 0;
            for (int k = 0; k < 20; k++) {
                n += m.predictProba(t).length;
            }
            double cpuS = (cpuNanos() - c0) / 1e9;
            FloatMatrix x = m.pipeline().transform(t);
            long s2 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                m.classifier().predictProba(x);
            }
            double clf = (System.nanoTime() - s2) / 1e9;
            System.out.printf(Locale.ROOT, "SCORE_TABLE telco gbdt %.0f rows/s (%.0f rows per CPU-second);"
                    + " classifier alone %.0f rows/s%n", n / ((System.nanoTime() - s) / 1e9), n / cpuS, n / clf);
        }
    }

    private static String calibrations(ExperimentResult r) {
        return String.join("/", r.calibrators());
    }

    static void imbalanceDropoff(int users, int movies) throws Exception {
        Dataset ds = generate(users, movies);
        DropoffParams p = DropoffParams.defaults();
        DropoffExamples ex = DropoffExamples.build(ds, p);
        LabelledTable data = new LabelledTable(ex.table(), ex.labels(),
                new SchemaInference(ex.table().schema(), List.of(), List.of(), ex.size()), "dropoff", "drop_off",
                "complete");
        ImbalanceComparison cmp = TabularExperiment.compareImbalance(data, Algo.GBDT,
                Map.of("rounds", "200", "eta", "0.1", "maxDepth", "4", "colsampleBytree", "0.5"), 3, 42,
                "dropoff " + users + " users");
        System.out.println("IMBALANCE dropoff gbdt 3-fold (stratified, not by time)");
        System.out.print(cmp.toMarkdown());
    }
}
