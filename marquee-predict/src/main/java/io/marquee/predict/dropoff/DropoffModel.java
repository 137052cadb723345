package io.marquee.predict.dropoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.tabular.TabularModel;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained drop-off predictor: the {@link TabularModel} (pipeline, classifier, calibrator,
 * threshold) over the drop-off features, the per-film statistics it reads (views, completions and
 * ratings of the training data, by film id), the smoothing settings and the genre list the
 * features were built with. Immutable and thread-safe. Bind it to a data set with
 * {@link #predictor(Dataset)} to serve predictions.
 *
 * <p>Saved as one model directory (kind {@code dropoff}): the tabular parts as for any tabular
 * model, plus {@code meta.dropoff} and the arrays {@code film_ids} (int64), {@code film_views},
 * {@code film_completions}, {@code film_rating_sum}, {@code film_rating_count} (float64), and the
 * films' taste factors {@code taste_q}, {@code taste_bias} (float32), {@code taste_counts} (int32), {@code taste_y},
 * the choice model's film vectors {@code choice_v} (float32) with {@code choice_mean}, {@code choice_gram}
 * (float64), and the context baseline's coefficients {@code context_baseline} (float64).
 */
public final class DropoffModel implements Model {
    /** The manifest's {@code meta.kind} of a drop-off model. */
    public static final String KIND = "dropoff";
    /** Label of a predicted abandonment. */
    public static final String DROP = "drop_off";
    /** Label of a predicted completion. */
    public static final String COMPLETE = "complete";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TabularModel tabular;
    private final DropoffParams params;
    private final DropoffFeatures.Settings settings;
    private final List<String> genres;
    private final long[] filmIds;
    private final FilmStats stats;
    private final TasteFactors taste;
    private final ContextBaseline baseline;
    private final Long2IntOpenHashMap statsIndex;
    private final Map<String, Object> evaluation;

    DropoffModel(TabularModel tabular, DropoffParams params, DropoffFeatures.Settings settings, List<String> genres,
                 long[] filmIds, FilmStats stats, TasteFactors taste, ContextBaseline baseline,
                 Map<String, Object> evaluation) {
        if (filmIds.length != stats.films()) {
            throw InvalidInputException.of("film ids", filmIds.length, "one per film statistic (" + stats.films() + ")");
        }
        if (filmIds.length != taste.films()) {
            throw InvalidInputException.of("film ids", filmIds.length, "one per taste vector (" + taste.films() + ")");
        }
        this.tabular = tabular;
        this.params = params;
        this.settings = settings;
        this.genres = List.copyOf(genres);
        this.filmIds = filmIds.clone();
        this.stats = stats;
        this.taste = taste;
        this.baseline = baseline;
        this.statsIndex = new Long2IntOpenHashMap(filmIds.length);
        this.statsIndex.defaultReturnValue(-1);
        for (int k = 0; k < filmIds.length; k++) {
            statsIndex.put(filmIds[k], k);
        }
        this.evaluation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
    }

    /** The classifier with its pipeline, calibrator and threshold. */
    public TabularModel tabular() {
        return tabular;
    }

    public DropoffParams params() {
        return params;
    }

    /** Decision threshold on the calibrated probability. */
    public double threshold() {
        return tabular.threshold();
    }

    /** The genre names the features were built with (genre id = position). */
    public List<String> genres() {
        return genres;
    }

    /** The evaluation recorded when the model was trained (test metrics, oracle ratio …). */
    public Map<String, Object> evaluation() {
        return evaluation;
    }

    DropoffFeatures.Settings settings() {
        return settings;
    }

    FilmStats stats() {
        return stats;
    }

    /** The films' taste factors (fitted on every rating of the training data), indexed like {@link #stats()}. */
    TasteFactors taste() {
        return taste;
    }

    /** The context baseline the viewer residual features are measured against. */
    ContextBaseline baseline() {
        return baseline;
    }

    /** Position of a film id in the model's statistics, or -1 for a film it has never seen. */
    int statsIndex(long filmId) {
        return statsIndex.get(filmId);
    }

    /**
     * A predictor over a data set (the same or a newer one): it replays the data set's watch log
     * once to know every viewer's history, then answers for viewers by id or for survey-only
     * profiles. Films are looked up in the data set's catalogue.
     */
    public DropoffPredictor predictor(Dataset dataset) {
        return new DropoffPredictor(this, dataset);
    }

    @Override
    public ModelProvenance provenance() {
        return tabular.provenance();
    }

    @Override
    public TrainingSummary summary() {
        return tabular.summary();
    }

    /** Writes the model to a directory (replacing a model there). */
    public Path save(Path dir) {
        ModelArchive.Writer w = ModelArchive.writer(provenance(), summary());
        w.meta("kind", KIND);
        tabular.writeTo(w);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toMap());
        m.put("completion_prior", settings.completionPrior());
        m.put("rating_prior", settings.ratingPrior());
        m.put("genres", genres);
        m.put("total_views", stats.totalViews);
        m.put("global_hist_count", stats.globalHistCount);
        m.put("evaluation", evaluation);
        m.put("taste_rank", taste.rank());
        m.put("taste_lambda", taste.lambda());
        m.put("taste_mu", taste.mu());
        m.put("taste_implicit_lambda", taste.implicitLambda());
        m.put("taste_alpha", taste.alpha());
        m.put("choice_rank", taste.choice().rank());
        m.put("choice_lambda", taste.choice().lambda());
        w.meta("dropoff", m);
        w.floats("taste_q", taste.q());
        w.floats("taste_bias", taste.bias());
        w.ints("taste_counts", taste.counts());
        w.floats("taste_y", taste.y());
        w.doubles("taste_gram", taste.gram());
        w.floats("choice_v", taste.choice().v());
        w.doubles("choice_mean", taste.choice().mean());
        w.doubles("choice_gram", taste.choice().gram());
        w.doubles("context_baseline", baseline.beta());
        w.longs("film_ids", filmIds);
        w.doubles("film_views", stats.views);
        w.doubles("film_completions", stats.completions);
        w.doubles("film_rating_sum", stats.ratingSum);
        w.doubles("film_rating_count", stats.ratingCount);
        w.doubles("genre_views", stats.genreViews);
        w.floats("audience_fav", stats.audienceFav);
        w.floats("audience_hist", stats.audienceHist);
        w.doubles("audience_hist_count", stats.audienceHistCount);
        w.doubles("global_fav", stats.globalFav);
        w.doubles("global_hist", stats.globalHist);
        w.doubles("pair_fav", stats.pairFav);
        w.doubles("pair_hist", stats.pairHist);
        return w.writeTo(dir);
    }

    /** Reads a model saved by {@link #save}. */
    @SuppressWarnings("unchecked")
    public static DropoffModel load(Path dir) {
        ModelArchive.Contents c = ModelArchive.read(dir);
        String kind = c.meta("kind").asText();
        if (!KIND.equals(kind)) {
            throw InvalidInputException.of("model kind of " + dir, "'" + kind + "'", "'" + KIND + "'");
        }
        Map<String, Object> m = JSON.convertValue(c.meta("dropoff"), Map.class);
        DropoffParams params = DropoffParams.fromMap((Map<String, Object>) m.get("params"));
        DropoffFeatures.Settings settings = new DropoffFeatures.Settings(
                ((Number) m.get("completion_prior")).doubleValue(), ((Number) m.get("rating_prior")).doubleValue(),
                params.priorStrength(), params.sessionGapMinutes() * 60L);
        List<String> genres = (List<String>) m.get("genres");
        FilmStats stats = new FilmStats(genres.size(), c.doubles("film_views"), c.doubles("film_completions"),
                c.doubles("film_rating_sum"), c.doubles("film_rating_count"), c.floats("audience_fav"),
                c.floats("audience_hist"), c.doubles("audience_hist_count"), c.doubles("genre_views"),
                c.doubles("global_fav"), c.doubles("global_hist"), c.doubles("pair_fav"), c.doubles("pair_hist"),
                ((Number) m.get("total_views")).doubleValue(),
                ((Number) m.get("global_hist_count")).doubleValue());
        if (!m.containsKey("taste_rank") || !m.containsKey("choice_rank")) {
            throw InvalidInputException.of("drop-off model " + dir,
                    m.containsKey("taste_rank") ? "without choice factors" : "without taste factors",
                    "a model trained by this version (retrain it)");
        }
        ChoiceFactors choice = new ChoiceFactors(((Number) m.get("choice_rank")).intValue(),
                ((Number) m.get("choice_lambda")).floatValue(), c.floats("choice_v"), c.doubles("choice_mean"),
                c.doubles("choice_gram"));
        TasteFactors taste = new TasteFactors(((Number) m.get("taste_rank")).intValue(),
                ((Number) m.get("taste_lambda")).floatValue(), ((Number) m.get("taste_mu")).floatValue(),
                c.floats("taste_q"), c.floats("taste_bias"), c.ints("taste_counts"), c.floats("taste_y"),
                c.doubles("taste_gram"), ((Number) m.get("taste_implicit_lambda")).floatValue(),
                ((Number) m.get("taste_alpha")).floatValue(), choice);
        Map<String, Object> eval = (Map<String, Object>) m.getOrDefault("evaluation", Map.of());
        Map<String, Object> evalClean = new LinkedHashMap<>();
        if (eval != null) {
            eval.forEach((k, v) -> {
                if (v != null) {
                    evalClean.put(k, v);
                }
            });
        }
        return new DropoffModel(TabularModel.read(c), params, settings, genres,
                c.longs("film_ids"), stats, taste,
                new ContextBaseline(c.doubles("context_baseline")), evalClean);
    }

    @Override
    public String toString() {
        return "DropoffModel[" + tabular + "]";
    }
}
