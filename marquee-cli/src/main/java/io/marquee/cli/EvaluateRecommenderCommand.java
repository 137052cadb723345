package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.eval.CandidateSet;
import io.marquee.recommend.eval.Evaluation;
import io.marquee.recommend.eval.Evaluator;
import io.marquee.recommend.eval.Metrics;
import io.marquee.recommend.eval.Protocol;
import io.marquee.recommend.eval.Split;
import io.marquee.recommend.eval.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee evaluate recommender --algo A --split S --metrics M …}. */
@Command(name = "recommender", mixinStandardHelpOptions = true,
        description = {"Cross-validate a recommender: per-fold values, mean ± std, fit and predict time.",
            "The output states the candidate set and the relevance rule (docs/evaluation.md)."})
final class EvaluateRecommenderCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    DataSource source;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--algo", required = true, paramLabel = "NAME", description = "Algorithm name.")
    String algo;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a hyperparameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--split", paramLabel = "SPEC", defaultValue = "kfold:5",
            description = "kfold:K, holdout:F, userholdout:F, temporal:K or files:TRAIN,TEST (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--metrics", paramLabel = "IDS", defaultValue = Metrics.DEFAULT,
            description = "Comma-separated metric ids (default: ${DEFAULT-VALUE}).")
    String metrics;

    @Option(names = "--candidates", paramLabel = "SET", defaultValue = "all-unrated",
            description = "Top-N candidate set: all-unrated or sampled:N (test items plus N sampled negatives).")
    String candidates;

    @Option(names = "--threshold", paramLabel = "R", defaultValue = "4.0",
            description = "A test rating >= R is relevant (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the split and sampling.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (results do not depend on it).")
    Integer threads;

    @Override
    public Integer call() {
        AlgorithmSpec<?, ?> algorithm = Algorithms.get(algo);
        var overrides = ParamsBinder.parsePairs(params);
        algorithm.trainer(overrides); // fail on bad params before loading any data
        Split s = Splits.parse(split, seed, source.baseDir());
        Protocol protocol = new Protocol(CandidateSet.parse(candidates, seed), threshold);
        Dataset data = source.load(global);
        Evaluator evaluator = new Evaluator(s, Metrics.parse(metrics), protocol)
                .withCatalogue(data.catalogue())
                .withProgress(TerminalProgress.forTerminal());
        if (threads != null) {
            evaluator = evaluator.withThreads(threads);
        }
        Evaluation e = evaluator.evaluate(algorithm, overrides, data.ratings());

        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s on %s, %s%n", e.algorithm(), source.describe(global), e.split()));
        text.append("params: ").append(e.params()).append('\n');
        text.append("protocol: ").append(e.protocol().toMap()).append('\n');
        text.append(String.format(Locale.ROOT, "%-14s %9s %9s   per fold%n", "metric", "mean", "std"));
        e.values().forEach((id, mean) -> {
            StringBuilder folds = new StringBuilder();
            e.folds().forEach(f -> folds.append(String.format(Locale.ROOT, " %.4f", f.value(id))));
            text.append(String.format(Locale.ROOT, "%-14s %9.4f %9.4f  %s%n", id, mean, e.std(id), folds));
        });
        e.omitted().forEach((id, why) -> text.append(String.format(Locale.ROOT, "%-14s omitted: %s%n", id, why)));
        Object timing = e.toMap().get("timing");
        text.append("timing: ").append(timing).append('\n');
        e.notes().forEach(n -> text.append("note: ").append(n).append('\n'));
        Output.print(spec.commandLine().getOut(), global.json(), e.toMap(), text.toString());
        return ExitCodes.OK;
    }
}
