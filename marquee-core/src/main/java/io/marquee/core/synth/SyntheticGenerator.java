package io.marquee.core.synth;

import io.marquee.core.data.DataSink;
import io.marquee.core.error.ConflictException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.store.Imports;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a synthetic film-streaming data set — films, viewers with survey answers, ratings,
 * watch events with drop-offs, and the true drop-off probability of every event — from a hidden
 * model of tastes and habits (see {@link GenerativeModel} and {@code docs/generator.md}).
 *
 * <p>Deterministic: the same {@link GeneratorParams} give byte-identical rows. Films come from one
 * random stream; each viewer from a stream seeded by the run's seed and the viewer's index only.
 * Rows are streamed to the sink viewer by viewer (films first), so memory stays bounded whatever
 * the number of events; the work per watch event is constant.
 */
public final class SyntheticGenerator {
    /** The {@code imports.kind} of a generated data set. */
    public static final String IMPORT_KIND = "synthetic";
    /** Device names used in watch events and in the survey. */
    public static final List<String> DEVICES = List.of(ViewerSimulator.DEVICES);
    /** The genre names films are labelled with (MovieLens's 18). */
    public static final List<String> GENRES = Genres.NAMES;

    private static final int PROGRESS_STEP = 1_000;

    private SyntheticGenerator() {
    }

    /**
     * Generates the data set and sends it to the sink: every film, then viewer by viewer the viewer,
     * the survey answers, and each watch event followed by its truth row, the rating it led to (if
     * any) and its duplicate (dirty data, if any). Does not call {@link DataSink#flush()}.
     *
     * @param params   what to generate
     * @param sink     where the rows go
     * @param progress told of the viewers done, in steps of 1,000 ({@link Progress#NONE} to ignore)
     */
    public static void generate(GeneratorParams params, DataSink sink, Progress progress) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(sink, "sink");
        Progress report = progress == null ? Progress.NONE : progress;
        FilmCatalogue films = new FilmCatalogue(params,
                new SplittableRandom(RandomDraws.mix64(params.seed() ^ 0xF11A5CA7A1061EL)));
        for (int i = 0; i < films.size; i++) {
            sink.movie(films.movie(i));
        }
        ViewerSimulator viewers = new ViewerSimulator(params, films, 1L);
        report.start("generating " + params.users() + " synthetic viewers", params.users());
        int sinceReport = 0;
        for (int u = 0; u < params.users(); u++) {
            viewers.simulate(u, sink);
            if (++sinceReport == PROGRESS_STEP) {
                report.advance(sinceReport);
                sinceReport = 0;
            }
        }
        if (sinceReport > 0) {
            report.advance(sinceReport);
        }
        report.finish();
    }

    /**
     * Generates the data set into a fresh database as one import of kind {@value #IMPORT_KIND},
     * whose source is {@link GeneratorParams#summary()} and fingerprint
     * {@link GeneratorParams#fingerprint()}.
     *
     * @throws ConflictException if the database already holds films or viewers (generate into a
     *                           fresh database), or already holds this very generation
     */
    public static ImportResult generateInto(Database db, GeneratorParams params, Progress progress) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(params, "params");
        long movies = db.count("movies");
        long users = db.count("users");
        if (movies > 0 || users > 0) {
            throw new ConflictException("generate into a fresh database: " + db.url() + " already holds "
                    + movies + " films and " + users + " viewers");
        }
        return Imports.run(db, IMPORT_KIND, params.summary(), params.fingerprint(),
                sink -> generate(params, sink, progress));
    }
}
