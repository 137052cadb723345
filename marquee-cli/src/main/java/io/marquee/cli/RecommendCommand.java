package io.marquee.cli;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.TopN;
import io.marquee.recommend.UnknownPolicy;
import io.marquee.recommend.explain.Explainer;
import io.marquee.recommend.explain.Explanation;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee recommend --model DIR --user ID -n 10 [--explain]}: the films a saved model
 * recommends to a viewer, excluding films the viewer has already rated in the data.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Recommend films to a viewer with a saved model. Films the viewer rated are excluded.",
            "Titles, history and explanations come from --data or the database of --db."})
final class RecommendCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    DataSource source;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Saved model directory.")
    Path modelDir;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "Viewer id.")
    long userId;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10", description = "How many films (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--explain", description = "Explain each recommendation.")
    boolean explain;

    @Option(names = "--unknown", paramLabel = "POLICY", defaultValue = "fallback",
            description = "A viewer the model does not know: fallback (most popular films) or reject.")
    String unknown;

    @Override
    public Integer call() {
        if (n < 1 || n > 1000) {
            throw InvalidInputException.of("-n", n, "between 1 and 1000");
        }
        UnknownPolicy policy = switch (unknown.toLowerCase(Locale.ROOT)) {
            case "fallback" -> UnknownPolicy.FALLBACK;
            case "reject" -> UnknownPolicy.REJECT;
            default -> throw InvalidInputException.of("--unknown", unknown, "fallback or reject");
        };
        RecommenderModel model = Algorithms.load(modelDir);
        Dataset data = source.load(global);
        Interactions ratings = data.ratings();
        Catalogue catalogue = data.catalogue();

        int user = model.users().indexOf(userId);
        boolean known = user >= 0 && model.knowsUser(user);
        if (!known && policy == UnknownPolicy.REJECT) {
            throw new NotFoundException("user " + userId + " is not known to the model in " + modelDir);
        }
        // the viewer's rated films, as the model's item indices, are never recommended
        IntOpenHashSet seen = new IntOpenHashSet();
        int dataUser = data.users().indexOf(userId);
        for (int k = 0; k < ratings.size(); k++) {
            if (ratings.user(k) == dataUser) {
                int item = model.items().indexOf(data.items().id(ratings.item(k)));
                if (item >= 0) {
                    seen.add(item);
                }
            }
        }
        // Fallback sends a viewer the model does not know (index -1 included) to popularity
        ItemScorer scorer = new Fallback(model, popularity(model, data));
        Recommendations recs = new TopN(scorer).recommend(user, n, null, seen::contains);

        Explainer explainer = null;
        if (explain) {
            if (!model.items().equals(data.items()) || !model.users().equals(data.users())) {
                throw new InvalidInputException("--explain needs the data the model was trained on; the films or"
                        + " viewers of " + source.describe(global) + " differ from the model's");
            }
            explainer = new Explainer(ratings, catalogue, model);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d films for viewer %d from %s (%s)%n", recs.size(), userId,
                model.provenance().algorithm(), known ? "personal" : "not known to the model: most popular"));
        for (int r = 0; r < recs.size(); r++) {
            int item = recs.item(r);
            long movieId = model.items().id(item);
            int dataItem = data.items().indexOf(movieId);
            String title = dataItem >= 0 ? catalogue.title(dataItem) : "(film " + movieId + ")";
            int year = dataItem >= 0 ? catalogue.year(dataItem) : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r + 1);
            row.put("movie_id", movieId);
            row.put("title", title);
            row.put("year", year == 0 ? null : year);
            row.put("score", recs.score(r));
            String predicted = "";
            if (known && model instanceof RatingPredictor p) {
                float rating = p.predict(user, item);
                row.put("predicted_rating", rating);
                predicted = String.format(Locale.ROOT, "  predicted %.2f", rating);
            }
            text.append(String.format(Locale.ROOT, "%3d. %s%s  [film %d]%s%n", r + 1, title,
                    year == 0 ? "" : " (" + year + ")", movieId, predicted));
            if (explainer != null && known) {
                Explanation e = explainer.explain(userId, movieId);
                row.put("explanation", explanationJson(e));
                text.append("     ").append(e.summary()).append('\n');
            }
            items.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", userId);
        json.put("algorithm", model.provenance().algorithm());
        json.put("personal", known);
        json.put("recommendations", items);
        Output.print(spec.commandLine().getOut(), global.json(), json, text.toString());
        return ExitCodes.OK;
    }

    /** The explanation as plain JSON values, a stable shape for scripts. */
    private static Map<String, Object> explanationJson(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", e.summary());
        m.put("basis", e.basis().name().toLowerCase(Locale.ROOT));
        m.put("predicted_rating", e.predictedRating().isPresent() ? e.predictedRating().getAsDouble() : null);
        List<Map<String, Object>> films = new ArrayList<>();
        for (Explanation.SimilarFilm f : e.becauseYouRated()) {
            films.add(Map.of("movie_id", f.itemId(), "title", f.title(), "your_rating", f.rating(),
                    "similarity", f.similarity()));
        }
        m.put("because_you_rated", films);
        List<Map<String, Object>> genres = new ArrayList<>();
        for (Explanation.GenreMatch g : e.sharedGenres()) {
            genres.add(Map.of("genre", g.name(), "your_share", g.userShare(), "catalogue_share", g.catalogueShare(),
                    "lift", g.lift()));
        }
        m.put("shared_genres", genres);
        Explanation.SimilarViewers v = e.similarViewers();
        m.put("similar_viewers", Map.of("considered", v.considered(), "rated", v.rated(),
                "rated_highly", v.ratedHighly(), "mean_rating", Double.isFinite(v.meanRating()) ? v.meanRating() : 0.0));
        return m;
    }

    /** Number of ratings per film in the data, on the model's item indices: the fallback. */
    private static ItemScorer popularity(RecommenderModel model, Dataset data) {
        float[] counts = new float[model.itemCount()];
        Interactions ratings = data.ratings();
        for (int k = 0; k < ratings.size(); k++) {
            int item = model.items().indexOf(data.items().id(ratings.item(k)));
            if (item >= 0) {
                counts[item]++;
            }
        }
        int users = model.userCount();
        return new ItemScorer() {
            @Override
            public int userCount() {
                return users;
            }

            @Override
            public int itemCount() {
                return counts.length;
            }

            @Override
            public boolean knowsUser(int u) {
                return true;
            }

            @Override
            public void scoreAll(int u, float[] out) {
                System.arraycopy(counts, 0, out, 0, counts.length);
            }
        };
    }
}
