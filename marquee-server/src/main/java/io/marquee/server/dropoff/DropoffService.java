package io.marquee.server.dropoff;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.dropoff.DropoffModel;
import io.marquee.predict.dropoff.DropoffPredictor;
import io.marquee.predict.dropoff.FilmPrediction;
import io.marquee.predict.dropoff.PredictionContext;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.requests.RequestIds;
import io.marquee.registry.requests.RequestLog;
import io.marquee.registry.requests.RequestRecord;
import io.marquee.registry.serving.ModelLoaders;
import io.marquee.registry.serving.ModelServer;
import io.marquee.registry.serving.Served;
import io.marquee.server.dropoff.DropoffDtos.DropoffResponse;
import io.marquee.server.dropoff.DropoffDtos.FilmDropoff;
import io.marquee.server.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the production model of the {@code dropoff} endpoint: the probability that a viewer
 * abandons a film before the end, for a known viewer (by id, with the history in the data loaded
 * at start) or a new one known only by survey answers (cold start), and the completion likelihood
 * (1 − drop-off probability) added to recommendations. Every prediction is one request in the
 * request log (operation {@code dropoff}, predicted = the probability), so feedback
 * {@code watched: true|false} on its request id feeds the version's live accuracy.
 *
 * <p>A {@link DropoffPredictor} replays the watch log once per served version; it is built when the
 * version is first used (at start for the version in production) and kept until production changes.
 */
public final class DropoffService {
    /** The registry endpoint served. */
    public static final String ENDPOINT = "dropoff";
    /** Loads a drop-off model from a verified artifact. */
    public static final io.marquee.registry.serving.ModelLoader<DropoffModel> LOADER = ModelLoaders.DROPOFF;
    /** Most films one request may ask about. */
    public static final int MAX_FILMS = 1000;
    /** Devices a viewing may be on (the survey's {@code usual_device} choices). */
    public static final Set<String> DEVICES = Set.of("tv", "mobile", "tablet", "desktop");

    private final ModelServer<DropoffModel> server;
    private final Dataset data;
    private final RequestLog log;
    private volatile Bound bound;

    /** A served version with its predictor. */
    private record Bound(Served<DropoffModel> served, DropoffPredictor predictor) {
    }

    public DropoffService(ModelServer<DropoffModel> server, Dataset data, RequestLog log) {
        this.server = server;
        this.data = data;
        this.log = log;
    }

    /** Builds the predictor of the production model now, if one is loaded. */
    public void warmUp() {
        if (server.currentIfLoaded().isPresent()) {
            bound();
        }
    }

    /** Whether a drop-off model is in production and loaded. */
    public boolean available() {
        return server.currentIfLoaded().isPresent();
    }

    private Bound bound() {
        Served<DropoffModel> s = server.current();
        Bound b = bound;
        if (b != null && b.served().version().id() == s.version().id()) {
            return b;
        }
        synchronized (this) {
            b = bound;
            if (b == null || b.served().version().id() != s.version().id()) {
                b = new Bound(s, s.model().predictor(data));
                bound = b;
            }
            return b;
        }
    }

    /**
     * Drop-off predictions for a viewer (by id) or a survey profile, for one or more films.
     *
     * @param userId  a viewer in the data, or null with {@code survey}
     * @param survey  survey answers (question id → answer text; several choices joined by {@code |}), or null
     * @param films   film ids (1 to {@value #MAX_FILMS})
     * @param device  tv, mobile, tablet or desktop; null for the viewer's usual device
     * @param at      when the viewing would start; null for now
     */
    public DropoffResponse predict(Long userId, Map<String, String> survey, List<Long> films, String device,
                                   Instant at) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        if ((userId == null) == (survey == null)) {
            throw InvalidInputException.of("user_id / survey", userId == null ? "neither" : "both",
                    "exactly one: user_id for a known viewer, survey answers for a new viewer");
        }
        long[] ids = filmIds(films);
        if (device != null && !DEVICES.contains(device)) {
            throw InvalidInputException.of("device", "'" + device + "'", "one of " + new java.util.TreeSet<>(DEVICES));
        }
        PredictionContext ctx = new PredictionContext(at == null ? now : at, device);
        Bound b = bound();
        List<FilmPrediction> out = userId != null ? b.predictor().forUser(userId, ids, ctx)
                : b.predictor().forProfile(survey, ids, ctx);
        ModelVersion v = b.served().version();
        long micros = (System.nanoTime() - start) / 1000;
        List<FilmDropoff> predictions = new ArrayList<>(out.size());
        for (FilmPrediction p : out) {
            FilmDropoff f = new FilmDropoff(p.filmId(), title(p.filmId()), p.probability(), 1 - p.probability(),
                    p.label(), "OK", RequestIds.next());
            predictions.add(f);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("user_id", userId);
            if (survey != null) {
                input.put("survey", survey);
            }
            input.put("movie_id", p.filmId());
            input.put("device", device);
            input.put("at", ctx.at().toString());
            log(f, input, v, micros, now);
        }
        return new DropoffResponse(ENDPOINT, v.id(), v.version(), userId, userId == null, predictions);
    }

    /**
     * Completion likelihoods of films for a known viewer, for {@code with_dropoff} recommendations;
     * each is logged as a drop-off prediction. Null when the viewer is not in the data set the
     * predictor was built on (a viewer who only rated through the API since start).
     *
     * @throws io.marquee.registry.serving.ModelUnavailableException when no drop-off model is in production
     */
    public Completion completion(long userId, long[] films) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        Bound b = bound();
        ModelVersion v = b.served().version();
        if (data.users().indexOf(userId) < 0 || films.length == 0) {
            return new Completion(v.id(), v.version(), null);
        }
        List<FilmPrediction> out = b.predictor().forUser(userId, films, PredictionContext.at(now));
        long micros = (System.nanoTime() - start) / 1000;
        Map<Long, FilmDropoff> byFilm = new LinkedHashMap<>();
        for (FilmPrediction p : out) {
            FilmDropoff f = new FilmDropoff(p.filmId(), title(p.filmId()), p.probability(), 1 - p.probability(),
                    p.label(), "OK", RequestIds.next());
            byFilm.put(p.filmId(), f);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("user_id", userId);
            input.put("movie_id", p.filmId());
            input.put("source", "recommendations");
            log(f, input, v, micros, now);
        }
        return new Completion(v.id(), v.version(), byFilm);
    }

    /**
     * Drop-off figures for recommended films.
     *
     * @param modelId      the drop-off version that answered
     * @param modelVersion its number
     * @param films        per film id; null for a viewer the drop-off data does not know
     */
    public record Completion(long modelId, int modelVersion, Map<Long, FilmDropoff> films) {
    }

    private void log(FilmDropoff f, Map<String, Object> input, ModelVersion v, long micros, Instant at) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("movie_id", f.movieId());
        output.put("probability", f.probability());
        output.put("label", f.label());
        output.put("status", f.status());
        output.put("request_id", f.requestId());
        output.put("positive_label", DropoffModel.DROP);
        output.put("negative_label", DropoffModel.COMPLETE);
        output.put("model_version", v.version());
        log.log(new RequestRecord(f.requestId(), ENDPOINT, v.id(), RequestRecord.DROPOFF, Json.text(input),
                Json.text(output), f.probability(), micros, at));
    }

    private static long[] filmIds(List<Long> films) {
        if (films == null || films.isEmpty()) {
            throw InvalidInputException.of("movie_ids", films == null ? null : "[]", "at least one film id");
        }
        if (films.size() > MAX_FILMS) {
            throw InvalidInputException.of("movie_ids", films.size() + " films", "at most " + MAX_FILMS);
        }
        long[] ids = new long[films.size()];
        for (int k = 0; k < ids.length; k++) {
            Long id = films.get(k);
            if (id == null) {
                throw InvalidInputException.of("movie_ids[" + k + "]", null, "a film id");
            }
            ids[k] = id;
        }
        return ids;
    }

    private String title(long movie) {
        Catalogue c = data.catalogue();
        int i = c.items().indexOf(movie);
        return i >= 0 ? c.title(i) : null;
    }
}
