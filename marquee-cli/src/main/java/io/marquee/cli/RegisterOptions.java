package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.jobs.ClassifierGate;
import io.marquee.registry.jobs.ClassifierTraining;
import io.marquee.registry.jobs.GatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --register} and the validation gate's settings, for the classifier commands: the trained
 * model is registered in the registry of {@code --db} and promoted to production only if it beats
 * production on the same holdout by the margin (or if the endpoint has no production version).
 */
final class RegisterOptions {
    @Option(names = "--register", description = {"Register the model in the registry of --db and promote it if it",
        "beats production on the same holdout by --margin (docs/dropoff.md)."})
    boolean register;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "roc_auc",
            description = "Gate metric: roc_auc or log_loss (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--margin", paramLabel = "F", description = "Relative improvement needed to replace production "
            + "(default 0.05).")
    Double margin;

    ClassifierGate.Policy policy() {
        return new ClassifierGate.Policy(ClassifierGate.Metric.parse(metric),
                margin == null ? GatePolicy.defaults().margin() : margin);
    }

    /** Registers and gates a trained candidate; returns what happened for the command's output. */
    Map<String, Object> registerAndGate(GlobalOptions global, ClassifierTraining.Trained t, StringBuilder text) {
        try (Database db = Databases.openOrCreate(global.db())) {
            ModelRegistry registry = ModelRegistry.open(db);
            ClassifierGate.Outcome o = new ClassifierGate(registry, policy()).registerAndDecide(t.candidate(), null,
                    line -> text.append(line).append('\n'));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint", o.version().endpoint());
            m.put("model_id", o.version().id());
            m.put("version", o.version().version());
            m.put("stage", o.version().stage().id());
            m.put("promoted", o.decision().promoted());
            m.put("metric", o.decision().metric());
            m.put("candidate", o.decision().candidateValue());
            m.put("production", o.decision().championValue());
            m.put("reason", o.decision().reason());
            return m;
        }
    }

    /** A fresh temporary directory for a model that is only registered. */
    static Path tempModelDir() {
        try {
            return Files.createTempDirectory("marquee-model-");
        } catch (IOException e) {
            throw new io.marquee.core.error.StorageException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a stray temporary file is harmless
        }
    }
}
