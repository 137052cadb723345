package io.marquee.cli;

import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.classify.Algo;
import io.marquee.recommend.ParamsBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the classifier and drop-off commands: algorithm, parameters, seed. */
final class PredictOptions {
    @Option(names = "--algo", paramLabel = "NAME",
            description = "gbdt, rf, extratrees, tree or logreg (default: gbdt for a classifier, logreg for drop-off,"
                    + " which scored higher on its features; docs/dropoff.md).")
    String algo;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a hyperparameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The chosen algorithm, or gbdt when none was given. */
    Algo algo() {
        return algo == null ? Algo.GBDT : parsed();
    }

    /** The chosen algorithm, or {@code fallback} when none was given. */
    Algo algoOr(Algo fallback) {
        return algo == null ? fallback : parsed();
    }

    private Algo parsed() {
        try {
            return Algo.of(algo);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--algo", algo, "one of gbdt, rf, extratrees, tree, logreg");
        }
    }

    Map<String, String> overrides() {
        return ParamsBinder.parsePairs(params);
    }
}
