package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.Stage;
import io.marquee.registry.StageChange;
import io.marquee.server.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marquee models list|show|promote|alias|rollback|delete}: the model registry from the
 * command line. A running {@code marquee serve} on the same database picks up promotions and
 * rollbacks within its poll interval (5 s).
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, inspect and manage registered models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Promote.class,
            ModelsCommand.Alias.class, ModelsCommand.Rollback.class, ModelsCommand.Delete.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: list, show, promote, alias, rollback or delete");
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return Json.mapper().convertValue(value, LinkedHashMap.class);
    }

    static String line(ModelVersion v) {
        return String.format(Locale.ROOT, "%5d  %-14s v%-4d %-8s %-11s %-20s %s%s", v.id(), v.endpoint(), v.version(),
                v.algorithm(), v.stage().id(), v.createdAt().toString().substring(0, 19),
                v.metrics().containsKey("rmse") ? String.format(Locale.ROOT, "rmse %.4f ", v.metrics().get("rmse")) : "",
                v.aliases().isEmpty() ? "" : "aliases " + String.join(",", v.aliases()));
    }

    static String describe(StageChange c) {
        return c.version().label() + ": " + c.from().id() + " -> " + c.to().id()
                + (c.demoted() == null ? "" : "; " + c.demoted().label() + " archived")
                + (c.pruned().isEmpty() ? "" : "; pruned " + c.pruned().size() + " archived version(s)");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Databases.openExisting(global.db())) {
                run(ModelRegistry.open(db));
                return ExitCodes.OK;
            }
        }

        abstract void run(ModelRegistry registry);

        void print(Map<String, ?> json, String text) {
            Output.print(spec.commandLine().getOut(), global.json(), json, text);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List versions, newest first.")
    static final class ListModels extends Base {
        @Option(names = "--endpoint", paramLabel = "NAME", description = "Only this endpoint.")
        String endpoint;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage: testing, staging, production, archived.")
        String stage;

        @Override
        void run(ModelRegistry registry) {
            List<ModelVersion> versions = registry.versions(endpoint, stage == null ? null : Stage.parse(stage));
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%5s  %-14s %-5s %-8s %-11s %-20s %s%n",
                    "id", "endpoint", "ver", "algo", "stage", "created", "metrics / aliases"));
            versions.forEach(v -> text.append(line(v)).append('\n'));
            print(Map.of("versions", versions.stream().map(ModelsCommand::asMap).toList()),
                    versions.isEmpty() ? "no model versions" : text.toString());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one version: by id, or ENDPOINT SELECTOR (production, staging, latest, v3, an alias).")
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "ID|ENDPOINT")
        String first;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SELECTOR")
        String selector;

        @Override
        void run(ModelRegistry registry) {
            ModelVersion v = selector == null && first.chars().allMatch(Character::isDigit)
                    ? registry.version(Long.parseLong(first))
                    : registry.resolve(first, selector == null ? "production" : selector);
            StringBuilder text = new StringBuilder(v.label()).append('\n');
            text.append("  algorithm   ").append(v.algorithm()).append(' ').append(v.params()).append('\n');
            text.append("  stage       ").append(v.stage().id()).append(" since ").append(v.stageChangedAt()).append('\n');
            text.append("  metrics     ").append(v.metrics()).append('\n');
            text.append("  created     ").append(v.createdAt()).append(" by ").append(v.createdBy()).append('\n');
            text.append("  artifact    ").append(v.artifactHash()).append('\n');
            text.append("  data        ").append(v.dataFingerprint()).append('\n');
            if (v.description() != null) {
                text.append("  description ").append(v.description()).append('\n');
            }
            if (!v.aliases().isEmpty()) {
                text.append("  aliases     ").append(String.join(", ", v.aliases())).append('\n');
            }
            print(asMap(v), text.toString());
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Move a version to a stage (default production; a testing or archived version passes through staging).")
    static final class Promote extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--to", paramLabel = "STAGE", description = "Target stage (default: ${DEFAULT-VALUE}).")
        String to = "production";

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        void run(ModelRegistry registry) {
            Stage target = Stage.parse(to);
            ModelVersion v = registry.version(id);
            StringBuilder text = new StringBuilder();
            if (target == Stage.PRODUCTION && (v.stage() == Stage.TESTING || v.stage() == Stage.ARCHIVED)) {
                text.append(describe(registry.transition(id, Stage.STAGING, actor(), reason))).append('\n');
            }
            StageChange c = registry.transition(id, target, actor(), reason);
            text.append(describe(c));
            print(asMap(c), text.toString());
        }
    }

    @Command(name = "alias", mixinStandardHelpOptions = true, description = "Point an alias (e.g. champion) at a version.")
    static final class Alias extends Base {
        @Parameters(index = "0", paramLabel = "ENDPOINT")
        String endpoint;

        @Parameters(index = "1", paramLabel = "ALIAS")
        String alias;

        @Parameters(index = "2", paramLabel = "ID")
        long id;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        void run(ModelRegistry registry) {
            ModelVersion v = registry.setAlias(endpoint, alias, id, actor(), reason);
            print(asMap(v), endpoint + "/" + alias + " -> " + v.label());
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Return an endpoint's production to the version it replaced.")
    static final class Rollback extends Base {
        @Parameters(paramLabel = "ENDPOINT")
        String endpoint;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        void run(ModelRegistry registry) {
            StageChange c = registry.rollback(endpoint, actor(), reason);
            print(asMap(c), "rolled back: " + describe(c));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a version (never production nor an alias target).")
    static final class Delete extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        void run(ModelRegistry registry) {
            ModelVersion v = registry.delete(id, actor(), reason);
            print(asMap(v), "deleted " + v.label());
        }
    }
}
