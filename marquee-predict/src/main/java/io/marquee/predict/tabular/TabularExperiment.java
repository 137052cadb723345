package io.marquee.predict.tabular;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.StorageException;
import io.marquee.predict.calibrate.CalibrationMode;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.imbalance.Resampling;
import io.marquee.predict.imbalance.ThresholdPolicy;
import io.marquee.predict.metrics.ClassificationReport;
import io.marquee.predict.table.CsvSource;
import io.marquee.predict.table.CsvTables;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic tabular learning on any CSV file with a target column: what {@code marquee train
 * classifier}, {@code marquee evaluate classifier} and {@code marquee predict --csv} call.
 *
 * <pre>
 * ExperimentResult r = TabularExperiment.evaluate(csv, "Churn", "Yes", Algo.GBDT, Map.of(), 5, 42);
 * TabularExperiment.train(csv, "Churn", "Yes", Algo.GBDT, Map.of(), 42, modelDir);
 * TabularExperiment.predictCsv(modelDir, in, out);
 * </pre>
 */
public final class TabularExperiment {
    /** Rows scored per batch when predicting a CSV file. */
    public static final int BATCH = 8192;

    private TabularExperiment() {
    }

    /**
     * Stratified k-fold evaluation with the default options of an algorithm (no resampling,
     * automatic calibration, F1 threshold on a 20 % validation split of each training fold).
     */
    public static ExperimentResult evaluate(Path csv, String target, String positive, Algo algo,
                                            Map<String, String> overrides, int folds, long seed) {
        LabelledTable data = LabelledTable.read(csv, target, positive);
        return evaluate(data, TrainOptions.defaults(algo).withOverrides(overrides).withSeed(seed), folds,
                csv.getFileName().toString());
    }

    /**
     * Stratified k-fold evaluation: for each fold a model is trained on the other folds by
     * {@link TabularTrainer} (pipeline fitted on training rows only, threshold and calibration
     * chosen on their validation split) and reported on the held-out fold.
     */
    public static ExperimentResult evaluate(LabelledTable data, TrainOptions options, int folds, String source) {
        long start = System.nanoTime();
        int[] fold = Splits.stratifiedFolds(data.y(), folds, options.seed());
        List<ClassificationReport> reports = new ArrayList<>();
        List<String> calibrators = new ArrayList<>();
        int n = data.y().length;
        double[] pooledP = new double[n];
        for (int f = 0; f < folds; f++) {
            int[] trainRows = Splits.rows(fold, f, false);
            int[] testRows = Splits.rows(fold, f, true);
            TabularTrainer.Result r = TabularTrainer.train(data.table().select(trainRows),
                    Splits.select(data.y(), trainRows), options, data.target(), data.positive(), data.negative(),
                    Map.of());
            double[] p = r.model().predictProba(data.table().select(testRows));
            boolean[] testY = Splits.select(data.y(), testRows);
            reports.add(ClassificationReport.of(p, testY, r.model().threshold()));
            calibrators.add(r.model().calibrator().kind());
            for (int k = 0; k < testRows.length; k++) {
                pooledP[testRows[k]] = p[k];
            }
        }
        ClassificationReport pooled = ClassificationReport.of(pooledP, data.y(), 0.5);
        List<String> notes = new ArrayList<>(data.inference().notes());
        notes.add(folds + "-fold stratified cross-validation; in each fold " + Math.round(
                options.validationFraction() * 100) + " % of the training rows are held out (stratified) to choose the"
                + " calibration and the threshold, which are then applied to the test fold");
        return new ExperimentResult(source, data.target(), data.positive(), n, data.positives(), options.toMap(),
                reports, pooled, calibrators, notes, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Compares imbalance strategies on the same folds: {@code none}, {@code class_weights} and
     * {@code smote} at the 0.5 threshold, {@code threshold} (no resampling, F1-tuned threshold),
     * the two resamplings with a tuned threshold, all without calibration so that their effect on
     * calibration shows; and {@code default} (tuned threshold plus automatic calibration), the
     * recommended setting.
     */
    public static ImbalanceComparison compareImbalance(LabelledTable data, Algo algo, Map<String, String> overrides,
                                                       int folds, long seed, String source) {
        TrainOptions base = TrainOptions.defaults(algo).withOverrides(overrides).withSeed(seed)
                .withCalibration(CalibrationMode.NONE);
        Map<String, TrainOptions> strategies = new LinkedHashMap<>();
        strategies.put("none", base.withThreshold(ThresholdPolicy.FIXED));
        strategies.put("class_weights", base.withThreshold(ThresholdPolicy.FIXED).withResampling(Resampling.CLASS_WEIGHTS));
        strategies.put("smote", base.withThreshold(ThresholdPolicy.FIXED).withResampling(Resampling.SMOTE));
        strategies.put("threshold", base.withThreshold(ThresholdPolicy.F1));
        strategies.put("class_weights+threshold", base.withThreshold(ThresholdPolicy.F1)
                .withResampling(Resampling.CLASS_WEIGHTS));
        strategies.put("smote+threshold", base.withThreshold(ThresholdPolicy.F1).withResampling(Resampling.SMOTE));
        strategies.put("default (threshold+calibration)", base.withCalibration(CalibrationMode.AUTO)
                .withThreshold(ThresholdPolicy.F1));
        Map<String, ExperimentResult> rows = new LinkedHashMap<>();
        strategies.forEach((name, opt) -> rows.put(name, evaluate(data, opt, folds, source)));
        return new ImbalanceComparison(source, rows);
    }

    /**
     * Trains a model on the whole file with the default options of an algorithm and saves it.
     *
     * @return the training result; its model is saved in {@code modelDir}
     */
    public static TabularTrainer.Result train(Path csv, String target, String positive, Algo algo,
                                              Map<String, String> overrides, long seed, Path modelDir) {
        LabelledTable data = LabelledTable.read(csv, target, positive);
        return train(data, TrainOptions.defaults(algo).withOverrides(overrides).withSeed(seed), modelDir,
                csv.getFileName().toString());
    }

    /** Trains a model on a labelled table and saves it in {@code modelDir}. */
    public static TabularTrainer.Result train(LabelledTable data, TrainOptions options, Path modelDir, String source) {
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("source", source);
        notes.put("rows", data.y().length);
        notes.put("positives", data.positives());
        notes.put("schema_notes", data.inference().notes());
        TabularTrainer.Result r = TabularTrainer.train(data.table(), data.y(), options, data.target(), data.positive(),
                data.negative(), notes);
        r.model().save(modelDir);
        return r;
    }

    /** Scores a CSV file with a saved model; see {@link #predictCsv(TabularModel, InputStream, String, OutputStream)}. */
    public static PredictionSummary predictCsv(Path modelDir, Path in, Path out) {
        TabularModel model = TabularModel.load(modelDir);
        try (InputStream is = Files.newInputStream(in); OutputStream os = Files.newOutputStream(out)) {
            return predictCsv(model, is, in.toString(), os);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new io.marquee.core.error.NotFoundException("CSV file " + in + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot predict " + in + " into " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scores CSV rows as they stream in and writes them out in the same order: every input column,
     * then {@code probability}, {@code label} and {@code status} ({@code ok}, or {@code error:} with
     * the line and the reason). A bad row — a value of the wrong type, a missing required value, a
     * wrong number of fields — is reported in its status and the batch goes on. A header that
     * lacks a required column fails the whole file. The target column, if present, is ignored.
     * Rows are scored {@value #BATCH} at a time, so memory does not grow with the file.
     */
    public static PredictionSummary predictCsv(TabularModel model, InputStream in, String name, OutputStream out) {
        long start = System.nanoTime();
        Schema schema = model.schema();
        long rows = 0;
        long[] failed = new long[1];
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        // reading and parsing (this thread) overlap with scoring and writing (one worker, so in order)
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "marquee-predict-csv");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(2);
        List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        try (CsvSource src = CsvSource.open(in, name)) {
            int[] pos = CsvTables.headerPositions(src, schema);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().build(w);
            List<String> header = new ArrayList<>(src.header());
            header.add(unique(src.header(), "probability"));
            header.add(unique(src.header(), "label"));
            header.add(unique(src.header(), "status"));
            csv.writeRecord(header);
            List<CsvSource.Row> batch = new ArrayList<>(BATCH);
            for (CsvSource.Row row : src) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    rows += batch.size();
                    submit(model, src, pos, batch, csv, firstErrors, failed, worker, inFlight, pending);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                rows += batch.size();
                submit(model, src, pos, batch, csv, firstErrors, failed, worker, inFlight, pending);
            }
            for (java.util.concurrent.Future<?> f : pending) {
                await(f);
            }
            csv.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("cannot write predictions: " + e.getMessage(), e);
        } finally {
            worker.shutdownNow();
        }
        return new PredictionSummary(rows, rows - failed[0], failed[0], firstErrors, (System.nanoTime() - start) / 1e9);
    }

    private static void submit(TabularModel model, CsvSource src, int[] pos, List<CsvSource.Row> batch, CsvWriter csv,
                               List<String> firstErrors, long[] failed, java.util.concurrent.ExecutorService worker,
                               java.util.concurrent.Semaphore inFlight, List<java.util.concurrent.Future<?>> pending) {
        Parsed parsed = parse(model.schema(), src, pos, batch);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while predicting " + src.file(), e);
        }
        pending.removeIf(f -> {
            if (f.isDone()) {
                await(f); // surfaces a failure early
                return true;
            }
            return false;
        });
        pending.add(worker.submit(() -> {
            try {
                failed[0] += scoreBatch(model, src.header().size(), batch, parsed, csv, firstErrors);
            } finally {
                inFlight.release();
            }
        }));
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while predicting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new StorageException("prediction failed: " + c.getMessage(), c);
        }
    }

    /** A batch's rows parsed into a table, and the error status of the rows that did not parse. */
    private record Parsed(Table table, String[] status) {
    }

    private static Parsed parse(Schema schema, CsvSource src, int[] pos, List<CsvSource.Row> batch) {
        int width = src.header().size();
        Table.Builder b = Table.builder(schema);
        String[] status = new String[batch.size()];
        String[] cells = new String[schema.size()];
        for (int k = 0; k < batch.size(); k++) {
            CsvSource.Row row = batch.get(k);
            if (row.fields().size() != width) {
                status[k] = "error: line " + row.line() + ": expected " + width + " fields as in the header, found "
                        + row.fields().size();
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = pos[c] < 0 ? null : row.fields().get(pos[c]);
            }
            try {
                b.addRow(cells, row.line());
            } catch (InvalidInputException e) {
                status[k] = "error: line " + row.line() + ": " + e.getMessage();
            }
        }
        return new Parsed(b.build(), status);
    }

    private static long scoreBatch(TabularModel model, int width, List<CsvSource.Row> batch, Parsed parsed,
                                   CsvWriter csv, List<String> firstErrors) {
        String[] status = parsed.status();
        double[] p = parsed.table().rows() == 0 ? new double[0] : model.predictProba(parsed.table());
        int next = 0;
        long failed = 0;
        List<String> out = new ArrayList<>(width + 3);
        for (int k = 0; k < batch.size(); k++) {
            out.clear();
            List<String> fields = batch.get(k).fields();
            for (int c = 0; c < width; c++) { // keep the output rectangular even for a short or long row
                out.add(c < fields.size() ? fields.get(c) : "");
            }
            if (status[k] == null) {
                RowPrediction rp = model.decide(p[next++]);
                out.add(sixDecimals(rp.probability()));
                out.add(rp.label());
                out.add("ok");
            } else {
                failed++;
                if (firstErrors.size() < 10) {
                    firstErrors.add(status[k]);
                }
                out.add("");
                out.add("");
                out.add(status[k]);
            }
            csv.writeRecord(out);
        }
        return failed;
    }

    /** A probability with six decimals, without String.format's cost on the hot path. */
    static String sixDecimals(double p) {
        long v = Math.round(p * 1_000_000);
        String digits = Long.toString(v % 1_000_000 + 1_000_000).substring(1);
        return (v / 1_000_000) + "." + digits;
    }

    private static String unique(List<String> header, String name) {
        String n = name;
        while (header.contains(n)) {
            n = "predicted_" + n;
        }
        return n;
    }
}
