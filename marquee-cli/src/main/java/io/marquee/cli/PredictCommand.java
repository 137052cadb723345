package io.marquee.cli;

import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import io.marquee.core.store.Database;
import io.marquee.predict.tabular.PredictionSummary;
import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.serving.ModelLoaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee predict --model DIR | --endpoint NAME --csv in.csv --out out.csv}: batch scoring of
 * a CSV with a saved classifier or the production model of a registry endpoint. The output is
 * written to a temporary file beside {@code --out} and renamed into place when complete.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score every row of a CSV with a saved classifier (--model) or an endpoint's model from the",
            "registry of --db (--endpoint, production unless --stage or --version): the output has the input's",
            "columns plus probability, label and status; a bad row gets its line number and reason and does not",
            "stop the batch. --out is written only when the whole file is scored."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "DIR",
                description = "Saved classifier (marquee train classifier --out).")
        Path model;

        @Option(names = "--endpoint", required = true, paramLabel = "NAME",
                description = "Registry endpoint holding a classifier (marquee train classifier --register).")
        String endpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--stage", paramLabel = "STAGE", description = "With --endpoint: production (default), staging, …")
    String stage;

    @Option(names = "--version", paramLabel = "N", description = "With --endpoint: this version number.")
    Integer version;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Rows to score.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Scored CSV to write.")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> json = new LinkedHashMap<>();
        TabularModel model;
        if (source.model != null) {
            model = TabularModel.load(source.model);
            json.put("model", source.model.toString());
        } else {
            try (Database db = Databases.openExisting(global.db())) {
                ModelRegistry registry = ModelRegistry.open(db);
                String selector = version != null ? "v" + version : stage;
                ModelVersion v = registry.resolve(source.endpoint, selector);
                model = ModelLoaders.TABULAR.load(registry.openArtifact(v));
                json.put("endpoint", v.endpoint());
                json.put("model_id", v.id());
                json.put("version", v.version());
                json.put("stage", v.stage().id());
            }
        }
        PredictionSummary s = score(model, in, out);
        json.putAll(s.toMap());
        json.put("out", out.toString());
        Output.print(spec.commandLine().getOut(), global.json(), json, Output.text(json));
        return ExitCodes.OK;
    }

    /** Scores {@code in} into a temporary file beside {@code out}, then renames it into place. */
    static PredictionSummary score(TabularModel model, Path in, Path out) {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + out.getFileName() + ".", ".tmp");
            PredictionSummary s;
            try (InputStream is = Files.newInputStream(in); OutputStream os = Files.newOutputStream(tmp)) {
                s = TabularExperiment.predictCsv(model, is, in.toString(), os);
            }
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return s;
        } catch (NoSuchFileException e) {
            throw new NotFoundException("CSV file " + in + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot predict " + in + " into " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray hidden temporary file
                }
            }
        }
    }
}
