package io.marquee.server.recs;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import io.marquee.recommend.baseline.PopularityParams;
import io.marquee.recommend.baseline.PopularityTrainer;
import io.marquee.recommend.explain.Explainer;
import io.marquee.recommend.explain.Explanation;
import io.marquee.recommend.online.FoldedUser;
import io.marquee.recommend.online.OnlineUpdater;
import io.marquee.recommend.online.OverlayScorer;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.requests.Feedback;
import io.marquee.registry.requests.RequestLog;
import io.marquee.registry.requests.RequestIds;
import io.marquee.registry.requests.RequestRecord;
import io.marquee.registry.serving.ModelServer;
import io.marquee.registry.serving.ModelUnavailableException;
import io.marquee.registry.serving.Served;
import io.marquee.server.http.HttpException;
import io.marquee.server.http.Json.Rendered;
import io.marquee.server.recs.RecsDtos.ExplainResponse;
import io.marquee.server.recs.RecsDtos.FeedbackResponse;
import io.marquee.server.recs.RecsDtos.PredictResponse;
import io.marquee.server.recs.RecsDtos.RatingResponse;
import io.marquee.server.recs.RecsDtos.RecommendationsResponse;
import io.marquee.server.recs.RecsDtos.RecommendedFilm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Serving for the {@code recommender} endpoint: recommendations, rating predictions, explanations,
 * new ratings (real-time learning) and feedback. Everything the HTTP controllers need in one call
 * each; no HTTP types here.
 *
 * <p>What a viewer has seen is their ratings in the data loaded at start plus the ratings posted
 * since. Per served model version it keeps a {@link ModelState}: the model, a popularity scorer
 * for viewers the model does not know ({@link Fallback}), and for {@link FactorModel}s an
 * {@link OverlayScorer} holding viewers re-solved by {@link OnlineUpdater} after a new rating. When
 * production changes the state is rebuilt for the new model and every viewer who rated since
 * start is folded in again.
 */
public final class RecommendationService {
    /** The endpoint served. */
    public static final String ENDPOINT = "recommender";

    private final Database db;
    private final ModelServer<RecommenderModel> server;
    private final RequestLog log;
    private final Catalogue catalogue;
    private final ConcurrentHashMap<Long, UserRatings> history = new ConcurrentHashMap<>();
    private final Set<Long> ratedSinceStart = ConcurrentHashMap.newKeySet();
    private volatile ModelState state;

    public RecommendationService(Database db, Dataset data, ModelServer<RecommenderModel> server, RequestLog log) {
        this.db = db;
        this.server = server;
        this.log = log;
        this.catalogue = data.catalogue();
        Interactions r = data.ratings();
        int[] users = r.userArray();
        int[] items = r.itemArray();
        float[] values = r.valueArray();
        // group by user (the reader orders ratings by user, but do not rely on it)
        int[] perUser = new int[r.users().size()];
        for (int u : users) {
            perUser[u]++;
        }
        long[][] movieIds = new long[perUser.length][];
        float[][] ratingValues = new float[perUser.length][];
        int[] fill = new int[perUser.length];
        for (int u = 0; u < perUser.length; u++) {
            movieIds[u] = new long[perUser[u]];
            ratingValues[u] = new float[perUser[u]];
        }
        for (int k = 0; k < users.length; k++) {
            int u = users[k];
            movieIds[u][fill[u]] = r.items().id(items[k]);
            ratingValues[u][fill[u]++] = values[k];
        }
        for (int u = 0; u < perUser.length; u++) {
            if (perUser[u] > 0) {
                history.put(r.users().id(u), new UserRatings(movieIds[u], ratingValues[u]));
            }
        }
    }

    /** A viewer's ratings by external film id; immutable, replaced on every new rating. */
    record UserRatings(long[] movies, float[] values) {
        static final UserRatings EMPTY = new UserRatings(new long[0], new float[0]);

        UserRatings with(long movie, float value) {
            for (int p = 0; p < movies.length; p++) {
                if (movies[p] == movie) {
                    float[] v = values.clone();
                    v[p] = value;
                    return new UserRatings(movies, v);
                }
            }
            long[] m = Arrays.copyOf(movies, movies.length + 1);
            float[] v = Arrays.copyOf(values, values.length + 1);
            m[movies.length] = movie;
            v[values.length] = value;
            return new UserRatings(m, v);
        }
    }

    // ------------------------------------------------------------------ per-model state

    private static final int[] NO_ITEMS = new int[0];

    /** Seen item indices and the ratings they were derived from (compared by identity). */
    private record SeenItems(UserRatings from, int[] items) {
    }

    /** What serving needs for one model version. */
    final class ModelState {
        final Served<RecommenderModel> served;
        final RecommenderModel model;
        final IdIndex users;
        final IdIndex items;
        final OverlayScorer overlay;
        final OnlineUpdater updater;
        final ItemScorer popularity;
        final Fallback scorer;
        final Map<Long, Integer> newUsers = new ConcurrentHashMap<>();
        final Interactions ratings;
        /** Popularity scores of every item, for viewers the model cannot score (copied, never written). */
        final float[] popularScores;
        /** Each viewer's seen films as this model's item indices, derived from one {@link UserRatings}. */
        private final ConcurrentHashMap<Long, SeenItems> seen = new ConcurrentHashMap<>();
        private volatile Explainer explainer;

        ModelState(Served<RecommenderModel> served) {
            this.served = served;
            this.model = served.model();
            this.users = model.users();
            this.items = model.items();
            this.ratings = modelRatings(users, items);
            this.popularity = new PopularityTrainer(PopularityParams.defaults()).train(ratings, Progress.NONE);
            if (model instanceof FactorModel fm) {
                overlay = new OverlayScorer(fm);
                updater = new OnlineUpdater(fm);
            } else {
                overlay = null;
                updater = null;
            }
            this.scorer = new Fallback(overlay != null ? overlay : model, popularity);
            this.popularScores = new float[items.size()];
            popularity.scoreAll(0, popularScores);
            for (Map.Entry<Long, UserRatings> e : history.entrySet()) {
                seen.put(e.getKey(), new SeenItems(e.getValue(), itemIndices(e.getValue())));
            }
        }

        /**
         * The viewer's seen films as item indices, computed once per {@link UserRatings} value:
         * a new rating replaces the viewer's value, and the next request recomputes from it.
         */
        int[] seenItems(long userId, UserRatings r) {
            if (r.movies().length == 0) {
                return NO_ITEMS;
            }
            SeenItems s = seen.get(userId);
            if (s != null && s.from() == r) {
                return s.items();
            }
            int[] idx = itemIndices(r);
            seen.put(userId, new SeenItems(r, idx));
            return idx;
        }

        private int[] itemIndices(UserRatings r) {
            int[] idx = new int[r.movies().length];
            int n = 0;
            for (long m : r.movies()) {
                int i = items.indexOf(m);
                if (i >= 0) {
                    idx[n++] = i;
                }
            }
            int[] sorted = n == idx.length ? idx : Arrays.copyOf(idx, n);
            Arrays.sort(sorted); // looked up by binary search
            return sorted;
        }

        int userIndex(long userId) {
            int u = users.indexOf(userId);
            if (u >= 0) {
                return u;
            }
            Integer n = newUsers.get(userId);
            return n == null ? -1 : n;
        }

        /** Re-solves the viewer from all of their ratings; false when the model cannot learn online. */
        synchronized boolean fold(long userId, UserRatings r) {
            if (overlay == null) {
                return false;
            }
            int[] idx = new int[r.movies().length];
            float[] val = new float[idx.length];
            int n = 0;
            for (int p = 0; p < idx.length; p++) {
                int i = items.indexOf(r.movies()[p]);
                if (i >= 0) {
                    idx[n] = i;
                    val[n++] = r.values()[p];
                }
            }
            if (n == 0) {
                return false;
            }
            FoldedUser f = updater.foldIn(idx, val, n);
            int u = userIndex(userId);
            if (u >= 0) {
                overlay.put(u, f);
            } else {
                newUsers.put(userId, overlay.add(f));
            }
            return true;
        }

        Explainer explainer() {
            Explainer e = explainer;
            if (e == null) {
                synchronized (this) {
                    e = explainer;
                    if (e == null) {
                        if (!catalogue.items().equals(items)) {
                            throw new ModelUnavailableException("explanations need a model trained on the loaded"
                                    + " catalogue; " + served.version().label() + " knows " + items.size()
                                    + " films, the catalogue has " + catalogue.size());
                        }
                        Interactions aligned = new Interactions(users, catalogue.items(), ratings.userArray(),
                                ratings.itemArray(), ratings.valueArray(), ratings.timeArray());
                        e = new Explainer(aligned, catalogue, model);
                        explainer = e;
                    }
                }
            }
            return e;
        }
    }

    /** Current ratings (start + posted) on the model's indexes; viewers and films it does not know are left out. */
    private Interactions modelRatings(IdIndex users, IdIndex items) {
        int total = 0;
        for (UserRatings r : history.values()) {
            total += r.movies().length;
        }
        int[] u = new int[total];
        int[] i = new int[total];
        float[] v = new float[total];
        long[] t = new long[total];
        int n = 0;
        for (Map.Entry<Long, UserRatings> e : history.entrySet()) {
            int ui = users.indexOf(e.getKey());
            if (ui < 0) {
                continue;
            }
            UserRatings r = e.getValue();
            for (int p = 0; p < r.movies().length; p++) {
                int ii = items.indexOf(r.movies()[p]);
                if (ii >= 0) {
                    u[n] = ui;
                    i[n] = ii;
                    v[n++] = r.values()[p];
                }
            }
        }
        return new Interactions(users, items, Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(v, n),
                Arrays.copyOf(t, n));
    }

    /** The state of the production model, rebuilt when production changed. */
    ModelState state() {
        Served<RecommenderModel> s = server.current();
        ModelState st = state;
        if (st != null && st.served.version().id() == s.version().id()) {
            return st;
        }
        synchronized (this) {
            st = state;
            if (st == null || st.served.version().id() != s.version().id()) {
                st = new ModelState(s);
                for (Long user : ratedSinceStart) {
                    UserRatings r = history.get(user);
                    if (r != null) {
                        st.fold(user, r);
                    }
                }
                state = st;
            }
            return st;
        }
    }

    /** Builds the serving state now (at start), if a model is loaded. */
    public void warmUp() {
        if (server.currentIfLoaded().isPresent()) {
            state();
        }
    }

    // ------------------------------------------------------------------ operations

    /** {@code GET /recommendations/{userId}}: the response and its JSON, serialised once for the body and the log. */
    public Rendered<RecommendationsResponse> recommendRendered(long userId, int n) {
        long start = System.nanoTime();
        long at = System.currentTimeMillis();
        if (n < 1 || n > 100) {
            throw InvalidInputException.of("n", n, "an integer between 1 and 100");
        }
        ModelState st = state();
        int u = st.userIndex(userId);
        boolean personal = u >= 0 && st.scorer.usesPrimary(u);
        // seen films never make the list; the factor models find the best n without scoring every
        // film (FactorTopN), with the same list as scoring all
        int[] seen = st.seenItems(userId, history.getOrDefault(userId, UserRatings.EMPTY));
        IntPredicate isSeen = seen.length == 0 ? null : i -> Arrays.binarySearch(seen, i) >= 0;
        Recommendations recs = personal ? st.scorer.topN(u, n, isSeen)
                : TopN.select(st.popularScores, n, null, isSeen);
        List<RecommendedFilm> films = new ArrayList<>(recs.size());
        for (int k = 0; k < recs.size(); k++) {
            long movie = st.items.id(recs.item(k));
            films.add(new RecommendedFilm(movie, title(movie), recs.score(k)));
        }
        ModelVersion v = st.served.version();
        Rendered<RecommendationsResponse> out = Rendered.of(new RecommendationsResponse(RequestIds.next(), userId,
                ENDPOINT, v.id(), v.version(), v.algorithm(), personal, films));
        log(new RequestRecord(out.value().requestId(), ENDPOINT, v.id(), RequestRecord.RECOMMEND,
                "{\"user_id\":" + userId + ",\"n\":" + n + "}", out.json(), null, micros(start), Instant.ofEpochMilli(at)));
        return out;
    }

    /** The recommendations as a value (see {@link #recommendRendered}). */
    public RecommendationsResponse recommend(long userId, int n) {
        return recommendRendered(userId, n).value();
    }

    /** {@code POST /predict}: the response and its JSON, serialised once. */
    public Rendered<PredictResponse> predictRendered(long userId, long movieId) {
        long start = System.nanoTime();
        long at = System.currentTimeMillis();
        ModelState st = state();
        ModelVersion v = st.served.version();
        if (!(st.model instanceof RatingPredictor predictor)) {
            throw new InvalidInputException("model " + v.label() + " (algorithm '" + v.algorithm()
                    + "') does not predict ratings; promote a rating model (mf, svdpp, als, bias, knn) to predict");
        }
        int u = st.userIndex(userId);
        if (u < 0) {
            throw new NotFoundException("user " + userId + " is not known to model " + v.label());
        }
        int i = st.items.indexOf(movieId);
        if (i < 0) {
            throw new NotFoundException("film " + movieId + " is not known to model " + v.label());
        }
        float rating = st.overlay != null && st.overlay.folded(u) != null ? st.overlay.score(u, i)
                : u < st.users.size() ? predictor.predict(u, i) : st.overlay.score(u, i);
        Rendered<PredictResponse> out = Rendered.of(new PredictResponse(RequestIds.next(), userId, movieId, rating,
                ENDPOINT, v.id(), v.version(), v.algorithm()));
        log(new RequestRecord(out.value().requestId(), ENDPOINT, v.id(), RequestRecord.PREDICT,
                "{\"user_id\":" + userId + ",\"movie_id\":" + movieId + "}", out.json(), (double) rating,
                micros(start), Instant.ofEpochMilli(at)));
        return out;
    }

    /** The predicted rating as a value (see {@link #predictRendered}). */
    public PredictResponse predict(long userId, long movieId) {
        return predictRendered(userId, movieId).value();
    }

    /** {@code GET /explain/{userId}/{movieId}}: the response and its JSON, serialised once. */
    public Rendered<ExplainResponse> explainRendered(long userId, long movieId) {
        long start = System.nanoTime();
        long at = System.currentTimeMillis();
        ModelState st = state();
        ModelVersion v = st.served.version();
        if (st.users.indexOf(userId) < 0) {
            throw new NotFoundException("user " + userId + " is not known to model " + v.label());
        }
        if (st.items.indexOf(movieId) < 0) {
            throw new NotFoundException("film " + movieId + " is not known to model " + v.label());
        }
        Explanation e = st.explainer().explain(userId, movieId);
        Rendered<ExplainResponse> out = Rendered.of(new ExplainResponse(RequestIds.next(), userId, movieId, ENDPOINT,
                v.id(), v.version(), e.summary(), e));
        log(new RequestRecord(out.value().requestId(), ENDPOINT, v.id(), RequestRecord.EXPLAIN,
                "{\"user_id\":" + userId + ",\"movie_id\":" + movieId + "}", out.json(), null, micros(start),
                Instant.ofEpochMilli(at)));
        return out;
    }

    /** The explanation as a value (see {@link #explainRendered}). */
    public ExplainResponse explain(long userId, long movieId) {
        return explainRendered(userId, movieId).value();
    }

    /**
     * Queues the request's log row. A request is only answered once its row is queued: when the
     * log refuses it (queue full for longer than its offer timeout, or shutting down) the request
     * fails with 503, so every answered request has exactly one row.
     */
    private void log(RequestRecord record) {
        if (!log.log(record)) {
            throw new HttpException(503, "request-log-unavailable", "the request log cannot keep up (queue full)"
                    + " or is shutting down; the request was not served, retry shortly");
        }
    }

    /**
     * Stores a rating (one transaction: the film must exist; a viewer not yet in the database is
     * added) and re-solves the viewer's recommendations at once when the model is a factor model.
     */
    public RatingResponse rate(long userId, long movieId, float rating) {
        if (!(rating >= 0.5f && rating <= 5f)) {
            throw InvalidInputException.of("rating", rating, "a number between 0.5 and 5");
        }
        if (userId <= 0) {
            throw InvalidInputException.of("user_id", userId, "a positive integer");
        }
        long now = Instant.now().getEpochSecond();
        db.inTransaction(h -> {
            boolean film = h.createQuery("SELECT COUNT(*) FROM movies WHERE id = :id").bind("id", movieId)
                    .mapTo(Long.class).one() > 0;
            if (!film) {
                throw new NotFoundException("film " + movieId + " does not exist");
            }
            boolean user = h.createQuery("SELECT COUNT(*) FROM users WHERE id = :id").bind("id", userId)
                    .mapTo(Long.class).one() > 0;
            if (!user) {
                h.createUpdate("INSERT INTO users (id) VALUES (:id)").bind("id", userId).execute();
            }
            h.createUpdate("INSERT INTO ratings (user_id, movie_id, value, rated_at) VALUES (:u, :m, :v, :t)"
                            + " ON CONFLICT (user_id, movie_id) DO UPDATE SET value = excluded.value,"
                            + " rated_at = excluded.rated_at")
                    .bind("u", userId).bind("m", movieId).bind("v", rating).bind("t", now).execute();
            return null;
        });
        UserRatings r = history.compute(userId, (k, old) -> (old == null ? UserRatings.EMPTY : old).with(movieId, rating));
        ratedSinceStart.add(userId);
        boolean updated = false;
        if (server.currentIfLoaded().isPresent()) {
            updated = state().fold(userId, history.get(userId));
        }
        return new RatingResponse(userId, movieId, rating, updated, r.movies().length);
    }

    public FeedbackResponse feedback(UUID requestId, Long movieId, Double actualRating, Boolean watched, String label) {
        Feedback f = log.feedback(new Feedback(requestId, movieId, actualRating, watched, label, Instant.now()));
        return new FeedbackResponse(f.requestId(), f.movieId(), f.actualRating(), f.watched(), f.label(), f.at());
    }

    private String title(long movie) {
        int c = catalogue.items().indexOf(movie);
        return c >= 0 ? catalogue.title(c) : null;
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1000;
    }
}
