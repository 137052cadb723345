package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RecommenderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee train recommender --algo A [--param k=v …] (--data PATH | --db URL) --out DIR}. */
@Command(name = "recommender", mixinStandardHelpOptions = true,
        description = {"Train a recommender on all ratings and save it to --out (manifest + binary arrays).",
            "Algorithms: mean, baseline, pop, mf, svdpp, bpmf, als, ials, ease, itemknn (docs/recommender.md)."})
final class TrainRecommenderCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    DataSource source;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--algo", required = true, paramLabel = "NAME", description = "Algorithm name.")
    String algo;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Override a hyperparameter (repeatable), e.g. --param n_factors=50.")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Override
    public Integer call() {
        AlgorithmSpec<?, ?> algorithm = Algorithms.get(algo);
        var trainer = algorithm.trainer(ParamsBinder.parsePairs(params));
        Dataset data = source.load(global);
        RecommenderModel model = trainer.train(data.ratings(), TerminalProgress.forTerminal());
        Path written = model.save(out);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("algorithm", algorithm.name());
        json.put("params", trainer.params().toMap());
        json.put("data", source.describe(global));
        json.put("ratings", data.ratings().size());
        json.put("users", model.userCount());
        json.put("items", model.itemCount());
        json.put("data_fingerprint", model.provenance().dataFingerprint());
        json.put("fit_seconds", model.summary().wallSeconds());
        json.put("final_loss", Double.isFinite(model.summary().finalLoss()) ? model.summary().finalLoss() : null);
        json.put("model", written.toString());
        String text = String.format(Locale.ROOT,
                "trained %s on %,d ratings (%,d users, %,d films) in %.2f s%nparams: %s%nsaved to %s%n",
                algorithm.name(), data.ratings().size(), model.userCount(), model.itemCount(),
                model.summary().wallSeconds(), trainer.params().toMap(), written);
        Output.print(spec.commandLine().getOut(), global.json(), json, text);
        return ExitCodes.OK;
    }
}
