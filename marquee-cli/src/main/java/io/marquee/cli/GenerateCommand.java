package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code marquee generate}: synthetic viewing data into a fresh database. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate synthetic viewing data (catalogue, viewers, survey answers, watch events, ratings,",
            "true drop-off probabilities) into a fresh database. Deterministic by --seed; see docs/generator.md."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    GeneratorOptions generator;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorParams params = generator.params(GeneratorParams.defaults());
        try (Database db = Databases.openOrCreate(global.db())) {
            ImportResult r = SyntheticGenerator.generateInto(db, params, TerminalProgress.forTerminal());
            ImportCommand.report(spec, global, db.url(), r);
            return ExitCodes.OK;
        }
    }
}
