package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.Dataset;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.recommend.mf.MfModel;
import io.marquee.recommend.mf.MfParams;
import io.marquee.recommend.mf.MfTrainer;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import io.marquee.server.auth.Role;
import io.marquee.server.auth.TokenStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQLite file of synthetic data with a small {@code mf} recommender in production, more
 * versions in staging (for promotions) and an admin token: what a server needs to serve.
 */
record ServingDatabase(Path file, long production, List<Long> staging, String adminToken, String adminPrefix) {
    /** Generates {@code users} viewers and {@code movies} films into {@code file} and registers the models. */
    static ServingDatabase create(Path file, int users, int movies, int stagingVersions) {
        CliRunner.Result r = CliRunner.run("generate", "--users", Integer.toString(users), "--movies",
                Integer.toString(movies), "--seed", "5", "--db", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (Database db = Database.open(file.toString())) {
            Dataset data = DatabaseReader.load(db);
            ModelRegistry registry = ModelRegistry.open(db);
            long production = 0;
            List<Long> staging = new ArrayList<>();
            for (int k = 0; k <= stagingVersions; k++) {
                // different seeds: each version is a different model
                MfModel model = new MfTrainer(new MfParams(8, 0.01, 0.1, 0.01, 0.1, 5, 0.1, 1.0, 11 + k))
                        .train(data.ratings(), Progress.NONE);
                Path dir = model.save(file.resolveSibling("mf-" + k));
                ModelVersion v = registry.register(new NewVersion("recommender", dir, "test", "test mf " + k, null, null));
                registry.transition(v.id(), Stage.STAGING, "test", "test");
                if (k == 0) {
                    registry.promote(v.id(), "test", "test");
                    production = v.id();
                } else {
                    staging.add(v.id());
                }
            }
            var admin = new TokenStore(db).create(Role.ADMIN, "test admin", "test");
            return new ServingDatabase(file, production, List.copyOf(staging), admin.token(), admin.prefix());
        }
    }
}
