package io.marquee.server;

import io.marquee.core.data.Dataset;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffTask;
import io.marquee.predict.tabular.LabelledTable;
import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TrainOptions;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Small classifiers for API tests: a drop-off model and a churn model, registered as a CLI would. */
final class ClassifierModels {
    private ClassifierModels() {
    }

    /** Drop-off settings that train in about a second on the fixture's data (the task's default, logistic regression). */
    static DropoffParams smallDropoff() {
        return DropoffParams.defaults();
    }

    static void register(ModelRegistry registry, Dataset data, Path dir) throws IOException {
        Path dropoff = DropoffTask.train(data, smallDropoff()).model().save(dir.resolve("dropoff-model"));
        promote(registry, registry.register(new NewVersion("dropoff", dropoff, "test", "fixture dropoff", null, null)));

        Path csv = churnCsv(dir.resolve("churn.csv"), 500, 11);
        LabelledTable table = LabelledTable.read(csv, "Churn", "Yes");
        Path v1 = dir.resolve("churn-v1");
        TabularExperiment.train(table, TrainOptions.defaults(Algo.LOGREG), v1, "churn.csv");
        promote(registry, registry.register(new NewVersion("churn", v1, "test", "fixture churn v1", null, null)));
        Path v2 = dir.resolve("churn-v2");
        TabularExperiment.train(table, TrainOptions.defaults(Algo.TREE).withOverrides(Map.of("maxDepth", "2")), v2,
                "churn.csv");
        ModelVersion staged = registry.register(new NewVersion("churn", v2, "test", "fixture churn v2", null, null));
        registry.transition(staged.id(), Stage.STAGING, "test", "fixture");
    }

    private static void promote(ModelRegistry registry, ModelVersion v) {
        registry.transition(v.id(), Stage.STAGING, "test", "fixture");
        registry.promote(v.id(), "test", "fixture");
    }

    /**
     * A churn-like table: short tenure and a high monthly charge make churn likely
     * (P(Yes) = sigmoid(1.5 − 0.08·tenure + 0.03·(monthly − 70) + 0.5·[plan = basic])).
     */
    static Path churnCsv(Path file, int rows, long seed) throws IOException {
        StringBuilder b = new StringBuilder("tenure,monthly,plan,Churn\n");
        Random r = new Random(seed);
        for (int i = 0; i < rows; i++) {
            int tenure = r.nextInt(72);
            double monthly = 20 + r.nextDouble() * 100;
            String plan = r.nextBoolean() ? "basic" : "premium";
            double z = 1.5 - 0.08 * tenure + 0.03 * (monthly - 70) + (plan.equals("basic") ? 0.5 : 0);
            boolean yes = r.nextDouble() < 1 / (1 + Math.exp(-z));
            b.append(String.format(Locale.ROOT, "%d,%.2f,%s,%s%n", tenure, monthly, plan, yes ? "Yes" : "No"));
        }
        Files.writeString(file, b);
        return file;
    }
}
