package io.marquee.recommend.eval;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.TopN;
import io.marquee.recommend.data.CsrMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Runs an offline evaluation: for each fold of a {@link Split}, trains a model on the fold's
 * training set (timed), then for every user with a test rating scores and ranks the
 * {@link Protocol}'s candidates and, for rating predictors, predicts the test ratings (timed
 * separately), and feeds the {@link Metric}s. Folds run one after another; users within a fold may
 * be scored in parallel, and the metrics are still reduced in user order, so the result does not
 * depend on the number of threads.
 *
 * <p>Immutable; {@code with…} methods return changed copies.
 *
 * <pre>{@code
 * Evaluation e = new Evaluator(Splits.parse("kfold:5", 42, dir), Metrics.parse("rmse,ndcg@10"), Protocol.defaults())
 *         .withCatalogue(dataset.catalogue())
 *         .evaluate(spec, Map.of("factors", "64"), dataset.ratings());
 * }</pre>
 */
public final class Evaluator {
    private static final int CHUNK = 256;
    private static final int[] NONE = new int[0];

    private final Split split;
    private final List<Metric> metrics;
    private final Protocol protocol;
    private final Catalogue catalogue;
    private final int threads;
    private final Progress progress;

    /**
     * @param split    how to cut the data into folds
     * @param metrics  what to compute (ids must be distinct)
     * @param protocol candidate set and relevance rule
     */
    public Evaluator(Split split, List<Metric> metrics, Protocol protocol) {
        this(split, metrics, protocol, null, Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    private Evaluator(Split split, List<Metric> metrics, Protocol protocol, Catalogue catalogue, int threads,
                      Progress progress) {
        this.split = Objects.requireNonNull(split, "split");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        if (metrics == null || metrics.isEmpty()) {
            throw InvalidInputException.of("metrics", metrics, "at least one metric");
        }
        List<String> ids = metrics.stream().map(Metric::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw InvalidInputException.of("metrics", ids, "distinct");
        }
        if (threads < 1) {
            throw InvalidInputException.of("threads", threads, "at least 1");
        }
        this.metrics = List.copyOf(metrics);
        this.catalogue = catalogue;
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** With a catalogue, which genre diversity ({@code ild@K}) needs; without one it is omitted. */
    public Evaluator withCatalogue(Catalogue catalogue) {
        return new Evaluator(split, metrics, protocol, catalogue, threads, progress);
    }

    /** With {@code threads} threads scoring users (1 = in the calling thread); the result is the same. */
    public Evaluator withThreads(int threads) {
        return new Evaluator(split, metrics, protocol, catalogue, threads, progress);
    }

    /** Reporting training and scoring progress to {@code progress}. */
    public Evaluator withProgress(Progress progress) {
        return new Evaluator(split, metrics, protocol, catalogue, threads, progress);
    }

    public Split split() {
        return split;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Evaluates an algorithm with {@code overrides} ({@code name=value}) applied to its default params. */
    public Evaluation evaluate(AlgorithmSpec<?, ?> spec, Map<String, String> overrides, Interactions data) {
        return evaluate(spec.trainer(overrides == null ? Map.of() : overrides), data);
    }

    /** Evaluates a trainer: one model per fold. */
    public Evaluation evaluate(RecommenderTrainer<? extends RecommenderModel> trainer, Interactions data) {
        if (data.size() == 0) {
            throw new InvalidInputException("cannot evaluate on empty data");
        }
        checkCatalogue(data);
        List<Fold> folds = split.folds(data);
        Map<String, String> omitted = new LinkedHashMap<>();
        List<FoldResult> results = new ArrayList<>(folds.size());
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            for (Fold fold : folds) {
                progress.start("fold " + (fold.index() + 1) + "/" + folds.size() + ": training " + trainer.algorithm(), 0);
                long t0 = System.nanoTime();
                RecommenderModel model = trainer.train(fold.train(), progress);
                double fitSeconds = (System.nanoTime() - t0) / 1e9;
                progress.finish();
                results.add(run(model, fold, fitSeconds, omitted, pool));
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        Evaluation.DataSummary summary = new Evaluation.DataSummary(data.size(), data.users().size(),
                data.items().size(), data.fingerprint());
        return Evaluation.of(trainer.algorithm(), trainer.params().toMap(), split.describe(), protocol, summary,
                metrics.stream().map(Metric::id).toList(), omitted, results);
    }

    /**
     * Evaluates an already trained model on one fold's test set (its fit time is reported as 0);
     * metrics that cannot be computed are left out of the result.
     */
    public FoldResult evaluateModel(RecommenderModel model, Fold fold) {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            return run(model, fold, 0, new LinkedHashMap<>(), pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private void checkCatalogue(Interactions data) {
        if (catalogue != null && !(catalogue.items() == data.items() || catalogue.items().equals(data.items()))) {
            throw new InvalidInputException("the catalogue's item index (" + catalogue.size()
                    + " items) differs from the data's (" + data.items().size() + " items)");
        }
    }

    private FoldResult run(RecommenderModel model, Fold fold, double fitSeconds, Map<String, String> omitted,
                           ForkJoinPool pool) {
        Interactions train = fold.train();
        Interactions test = fold.test();
        if (model.itemCount() != train.items().size() || model.userCount() != train.users().size()
                || !model.items().equals(train.items()) || !model.users().equals(train.users())) {
            throw new IllegalStateException("model " + model.provenance().algorithm() + " has " + model.userCount()
                    + " users and " + model.itemCount() + " items but the fold's indexes have " + train.users().size()
                    + " and " + train.items().size() + "; evaluation needs models that keep the training data's indexes");
        }
        List<Metric> active = new ArrayList<>();
        for (Metric m : metrics) {
            if (m.kind() == Metric.Kind.RATING && !(model instanceof RatingPredictor)) {
                omitted.putIfAbsent(m.id(), "the model does not predict ratings");
            } else if (m instanceof ListMetrics.IntraListDiversity && catalogue == null) {
                omitted.putIfAbsent(m.id(), "no catalogue with genres was given");
            } else {
                active.add(m);
            }
        }
        boolean predict = active.stream().anyMatch(m -> m.kind() == Metric.Kind.RATING);
        boolean rank = active.stream().anyMatch(m -> m.kind() != Metric.Kind.RATING);
        boolean fullRank = active.stream().anyMatch(Metric::needsFullRank);
        int maxK = active.stream().filter(m -> m.kind() != Metric.Kind.RATING).mapToInt(Metric::cutoff).max().orElse(0);

        CsrMatrix trainRows = CsrMatrix.byUser(train);
        CsrMatrix testRows = CsrMatrix.byUser(test);
        int[] users = IntStream.range(0, testRows.rows()).filter(u -> testRows.rowLength(u) > 0).toArray();
        UserScorer scorer = new UserScorer(model, predict ? (RatingPredictor) model : null, trainRows, testRows,
                protocol, rank, fullRank, maxK, fold.index());
        UserResult[] results = new UserResult[users.length];

        progress.start("fold " + (fold.index() + 1) + ": scoring " + users.length + " users", users.length);
        long t0 = System.nanoTime();
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(model.itemCount()));
        for (int from = 0; from < users.length; from += CHUNK) {
            int to = Math.min(users.length, from + CHUNK);
            if (pool == null) {
                Scratch s = scratch.get();
                for (int j = from; j < to; j++) {
                    results[j] = scorer.score(users[j], s);
                }
            } else {
                int f = from;
                runIn(pool, () -> IntStream.range(f, to).parallel()
                        .forEach(j -> results[j] = scorer.score(users[j], scratch.get())));
            }
            progress.advance(to - from);
        }
        double predictSeconds = (System.nanoTime() - t0) / 1e9;
        progress.finish();

        FoldContext context = FoldContext.of(train, catalogue);
        Metric.Accumulator[] acc = new Metric.Accumulator[active.size()];
        for (int m = 0; m < acc.length; m++) {
            acc[m] = active.get(m).accumulator(context);
        }
        int evaluated = 0;
        for (UserResult r : results) {
            boolean hasRelevant = r.relevant().length > 0;
            if (hasRelevant) {
                evaluated++;
            }
            for (int m = 0; m < acc.length; m++) {
                if (active.get(m).kind() != Metric.Kind.ACCURACY || hasRelevant) {
                    acc[m].add(r);
                }
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int m = 0; m < acc.length; m++) {
            values.put(active.get(m).id(), acc[m].value());
        }
        return new FoldResult(fold.index(), train.size(), test.size(), values, fitSeconds, predictSeconds,
                users.length, evaluated, users.length - evaluated);
    }

    private static void runIn(ForkJoinPool pool, Runnable task) {
        try {
            pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Per-thread buffers: one score per item and stamp marks for exclusion and sampling. */
    private static final class Scratch {
        final float[] scores;
        final int[] trainMark;
        final int[] takenMark;
        int stamp;
        int[] pool = NONE;

        Scratch(int items) {
            scores = new float[items];
            trainMark = new int[items];
            takenMark = new int[items];
        }

        int nextStamp() {
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(trainMark, 0);
                Arrays.fill(takenMark, 0);
                stamp = 0;
            }
            return ++stamp;
        }
    }

    /** Everything needed to produce one user's {@link UserResult}; shared read-only by threads. */
    private record UserScorer(RecommenderModel model, RatingPredictor predictor, CsrMatrix trainRows,
                              CsrMatrix testRows, Protocol protocol, boolean rank, boolean fullRank, int maxK,
                              int foldIndex) {
        UserResult score(int u, Scratch s) {
            int start = testRows.rowStart(u);
            int end = testRows.rowEnd(u);
            int[] items = Arrays.copyOfRange(testRows.colArray(), start, end);
            float[] ratings = Arrays.copyOfRange(testRows.valueArray(), start, end);
            int[] relevant = relevant(items, ratings);
            float[] predictions = null;
            if (predictor != null) {
                predictions = new float[items.length];
                for (int k = 0; k < items.length; k++) {
                    predictions[k] = predictor.predict(u, items[k]);
                }
            }
            int[] ranking = NONE;
            int firstRank = 0;
            if (rank) {
                int stamp = s.nextStamp();
                for (int k = trainRows.rowStart(u); k < trainRows.rowEnd(u); k++) {
                    s.trainMark[trainRows.col(k)] = stamp;
                }
                IntPredicate exclude = i -> s.trainMark[i] == stamp;
                int[] candidates = protocol.candidates() instanceof CandidateSet.TestPlusSampledNegatives sampled
                        ? sampledCandidates(u, items, sampled, s, stamp) : null;
                model.scoreAll(u, s.scores);
                ranking = TopN.select(s.scores, maxK, candidates, exclude).items();
                if (fullRank) {
                    firstRank = firstRelevantRank(s.scores, candidates, exclude, relevant);
                }
            }
            return new UserResult(u, ranking, relevant, firstRank, items, ratings, predictions);
        }

        private int[] relevant(int[] items, float[] ratings) {
            int[] out = new int[items.length];
            int n = 0;
            for (int k = 0; k < items.length; k++) {
                // items are ascending (CSR rows are sorted), so duplicates are adjacent
                if (protocol.isRelevant(ratings[k]) && (n == 0 || out[n - 1] != items[k])) {
                    out[n++] = items[k];
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        /** Distinct test items plus sampled items rated neither in train nor in test. */
        private int[] sampledCandidates(int u, int[] testItems, CandidateSet.TestPlusSampledNegatives spec,
                                        Scratch s, int stamp) {
            int itemCount = s.scores.length;
            int taken = 0;
            for (int k = trainRows.rowStart(u); k < trainRows.rowEnd(u); k++) {
                int i = trainRows.col(k);
                if (s.takenMark[i] != stamp) {
                    s.takenMark[i] = stamp;
                    taken++;
                }
            }
            int[] out = new int[testItems.length + spec.negatives()];
            int n = 0;
            for (int i : testItems) {
                if (n == 0 || out[n - 1] != i) {
                    out[n++] = i;
                }
                if (s.takenMark[i] != stamp) {
                    s.takenMark[i] = stamp;
                    taken++;
                }
            }
            int available = itemCount - taken;
            int want = Math.min(spec.negatives(), available);
            SplittableRandom rnd = new SplittableRandom(mix(spec.seed(), foldIndex, u));
            if (want == available || want > available / 2) {
                // dense: list the pool, then a partial Fisher–Yates picks `want` of it
                if (s.pool.length < available) {
                    s.pool = new int[itemCount];
                }
                int p = 0;
                for (int i = 0; i < itemCount; i++) {
                    if (s.takenMark[i] != stamp) {
                        s.pool[p++] = i;
                    }
                }
                for (int k = 0; k < want; k++) {
                    int j = k + rnd.nextInt(available - k);
                    int t = s.pool[k];
                    s.pool[k] = s.pool[j];
                    s.pool[j] = t;
                    out[n++] = s.pool[k];
                }
            } else {
                // sparse: rejection sampling, marking each draw as taken
                int got = 0;
                while (got < want) {
                    int i = rnd.nextInt(itemCount);
                    if (s.takenMark[i] != stamp) {
                        s.takenMark[i] = stamp;
                        out[n++] = i;
                        got++;
                    }
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        /**
         * 1-based rank, among all candidates, of the best-ranked relevant candidate (same order as
         * {@link TopN}: higher score, then lower index; NaN scores are not ranked); 0 when none.
         */
        private static int firstRelevantRank(float[] scores, int[] candidates, IntPredicate exclude, int[] relevant) {
            int best = -1;
            float bestScore = 0;
            for (int i : relevant) {
                if (exclude.test(i) || Float.isNaN(scores[i])
                        || (candidates != null && !contains(candidates, i))) {
                    continue;
                }
                if (best < 0 || better(scores[i], i, bestScore, best)) {
                    best = i;
                    bestScore = scores[i];
                }
            }
            if (best < 0) {
                return 0;
            }
            int above = 0;
            int total = candidates == null ? scores.length : candidates.length;
            for (int c = 0; c < total; c++) {
                int i = candidates == null ? c : candidates[c];
                if (!exclude.test(i) && !Float.isNaN(scores[i]) && better(scores[i], i, bestScore, best)) {
                    above++;
                }
            }
            return above + 1;
        }

        private static boolean contains(int[] a, int x) {
            for (int v : a) {
                if (v == x) {
                    return true;
                }
            }
            return false;
        }

        private static boolean better(float s1, int i1, float s2, int i2) {
            return s1 > s2 || (s1 == s2 && i1 < i2);
        }

        private static long mix(long seed, int fold, int user) {
            long z = seed ^ (0x9E3779B97F4A7C15L * (fold + 1)) ^ (0xBF58476D1CE4E5B9L * (user + 1L));
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
