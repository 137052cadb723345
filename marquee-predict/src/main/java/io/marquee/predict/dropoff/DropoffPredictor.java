package io.marquee.predict.dropoff;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.data.WatchLog;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves drop-off predictions from a {@link DropoffModel} over a data set: for a known viewer
 * (by id, with the history the data set holds) or for a new viewer known only by survey answers
 * (cold start: every history feature at its no-history value), and for one or more films of the
 * catalogue. Built once (it replays the watch log to know each viewer's history, using the same
 * cleaning rules as training); immutable and thread-safe afterwards.
 */
public final class DropoffPredictor {
    /** Most films one request may ask about. */
    public static final int MAX_FILMS = 10_000;

    private final DropoffModel model;
    private final Dataset dataset;
    private final UserHistory history;
    private final int[][] filmGenres;
    private final int[] statsIndex;
    private final TasteState taste;

    DropoffPredictor(DropoffModel model, Dataset ds) {
        this.model = model;
        this.dataset = ds;
        Catalogue cat = ds.catalogue();
        List<String> modelGenres = model.genres();
        int[] genreMap = new int[cat.genreNames().size()];
        for (int g = 0; g < genreMap.length; g++) {
            genreMap[g] = modelGenres.indexOf(cat.genreNames().get(g));
        }
        filmGenres = new int[cat.size()][];
        statsIndex = new int[cat.size()];
        for (int i = 0; i < cat.size(); i++) {
            int[] gs = cat.genres(i);
            int[] mapped = new int[gs.length];
            int m = 0;
            for (int g : gs) {
                if (genreMap[g] >= 0) {
                    mapped[m++] = genreMap[g];
                }
            }
            filmGenres[i] = java.util.Arrays.copyOf(mapped, m);
            statsIndex[i] = model.statsIndex(cat.items().id(i));
        }
        DropoffParams p = model.params();
        DropoffFeatures.Settings s = model.settings();
        WatchLog w = ds.watches();
        history = new UserHistory(ds.viewers().size(), modelGenres.size());
        int[] order = DropoffExamples.cleanOrder(w, cat, p.absurdFactor(), new int[2]);
        Interactions ratings = ds.ratings();
        int[] rOrder = DropoffExamples.ratingOrder(ratings);
        // expectations as they were at each view
        FilmStats replay = new FilmStats(cat.size(), modelGenres.size());
        SurveyProfile[] profiles = new SurveyProfile[ds.viewers().size()];
        for (int u = 0; u < profiles.length; u++) {
            profiles[u] = SurveyProfile.lenient(ds.viewers().survey(u), modelGenres);
        }
        taste = new TasteState(ds.viewers().size(), model.taste());
        float[] baseInputs = new float[ContextBaseline.WIDTH];
        int next = 0;
        for (int k : order) {
            long t = w.startedAt(k);
            while (next < rOrder.length && ratings.time(rOrder[next]) < t) {
                int r = rOrder[next++];
                history.rating(ratings.user(r), filmGenres[ratings.item(r)], ratings.value(r));
                taste.rating(ratings.user(r), statsIndex[ratings.item(r)], ratings.value(r));
            }
            int runtime = DropoffExamples.runtime(w, cat, k);
            boolean dropped = DropoffExamples.dropped(w.watchedMinutes(k), runtime, p.dropThreshold());
            int i = w.item(k);
            double expected = replay.completion(i, s.completionPrior(), s.alpha());
            replay.view(i, filmGenres[i], !dropped, profiles[w.user(k)], null);
            int u = w.user(k);
            int si = statsIndex[i];
            boolean seen = (history.filmFlags(u, i) & 1) != 0;
            ContextBaseline.inputs(w.device(k), t, history.views[u] > 0 && history.position(u, t, s.sessionGapSeconds()) > 0,
                    "tv".equals(w.device(k)) && profiles[u].peopleWatching() >= 2, runtime, seen, expected,
                    si >= 0 ? model.taste().bias()[si] : 0, baseInputs, 0);
            double base = model.baseline().completion(baseInputs, 0);
            taste.view(u, si, !seen);
            history.view(u, i, filmGenres[i], runtime, t, w.watchedMinutes(k), dropped, expected, base,
                    s.sessionGapSeconds());
        }
        while (next < rOrder.length) {
            int r = rOrder[next++];
            history.rating(ratings.user(r), filmGenres[ratings.item(r)], ratings.value(r));
            taste.rating(ratings.user(r), statsIndex[ratings.item(r)], ratings.value(r));
        }
        // fold every viewer in now, so that requests only read
        double[] scratch = new double[5];
        for (int u = 0; u < ds.viewers().size(); u++) {
            taste.features(u, -1, scratch);
        }
    }

    public DropoffModel model() {
        return model;
    }

    /**
     * Predictions for a known viewer.
     *
     * @throws NotFoundException     for an unknown viewer or film id
     * @throws InvalidInputException for no films or too many
     */
    public List<FilmPrediction> forUser(long userId, long[] filmIds, PredictionContext ctx) {
        int u = dataset.users().indexOf(userId);
        if (u < 0) {
            throw new NotFoundException("user id " + userId + " is unknown");
        }
        SurveyProfile sp = SurveyProfile.lenient(dataset.viewers().survey(u), model.genres());
        return predict(u, sp, DropoffExamples.age(dataset, u), filmIds, ctx);
    }

    /**
     * Predictions for a new viewer who has only answered the survey (cold start). The answers are
     * checked against {@code survey.json}: an invalid answer or a missing required one is an
     * {@link InvalidInputException} naming the question and the value.
     */
    public List<FilmPrediction> forProfile(Map<String, String> surveyAnswers, long[] filmIds, PredictionContext ctx) {
        return predict(-1, SurveyProfile.strict(surveyAnswers, model.genres()), Double.NaN, filmIds, ctx);
    }

    private List<FilmPrediction> predict(int u, SurveyProfile sp, double age, long[] filmIds, PredictionContext ctx) {
        if (filmIds == null || filmIds.length == 0) {
            throw InvalidInputException.of("films", "none", "at least one film id");
        }
        if (filmIds.length > MAX_FILMS) {
            throw InvalidInputException.of("films", filmIds.length, "at most " + MAX_FILMS);
        }
        Catalogue cat = dataset.catalogue();
        int[] items = new int[filmIds.length];
        for (int k = 0; k < items.length; k++) {
            items[k] = cat.items().indexOf(filmIds[k]);
            if (items[k] < 0) {
                throw new NotFoundException("film id " + filmIds[k] + " is unknown");
            }
        }
        String device = ctx.device() != null ? ctx.device() : sp.usualDevice() != null ? sp.usualDevice() : "tv";
        long t = ctx.at().getEpochSecond();
        DropoffFeatures.Columns cols = new DropoffFeatures.Columns(model.tabular().schema(), items.length);
        for (int k = 0; k < items.length; k++) {
            int i = items[k];
            DropoffFeatures.write(cols, k, history, u, sp, i, filmGenres[i], cat.runtimeMinutes(i), cat.year(i),
                    model.stats(), statsIndex[i], t, device, age, model.settings(), taste);
        }
        double[] p = model.tabular().predictProba(cols.table());
        List<FilmPrediction> out = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            boolean drop = p[k] >= model.threshold();
            out.add(new FilmPrediction(filmIds[k], p[k], drop, drop ? DropoffModel.DROP : DropoffModel.COMPLETE));
        }
        return out;
    }
}
