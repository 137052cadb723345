package io.marquee.recommend.explain;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.data.CsrMatrix;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Builds {@link Explanation}s for (viewer, film) pairs from the training ratings, the catalogue
 * and a trained model:
 * <ol>
 *   <li><b>because you rated</b>: the viewer's liked training films (rating ≥ {@code likedRating};
 *       a viewer with none falls back to films rated at or above their own mean) ranked by
 *       similarity to the film: cosine of the item factors when the model is a {@link FactorModel},
 *       else cosine of the training rating columns, Σ_u r_ui r_uj / (‖r_i‖ ‖r_j‖);</li>
 *   <li><b>shared genres</b>: the film's genres whose share among the viewer's liked films is at
 *       least {@code minGenreLift} times their share of the catalogue, weighted by that share;</li>
 *   <li><b>similar viewers</b>: the viewer's nearest viewers (cosine of user vectors for a
 *       factor model that knows the viewer, else cosine of the rated-item sets,
 *       |I_u ∩ I_v| / √(|I_u| |I_v|)) and how many of them rated the film, and rated it highly;</li>
 *   <li>the model's score and, for rating models, its predicted rating.</li>
 * </ol>
 * Immutable and thread-safe once built; building precomputes the CSR views, column norms and
 * (for factor models) normalised user and item vectors.
 */
public final class Explainer {
    private final Interactions training;
    private final Catalogue catalogue;
    private final RecommenderModel model;
    private final FactorModel factors;
    private final ExplainerOptions options;
    private final CsrMatrix byUser;
    private final CsrMatrix byItem;
    private final double[] columnNorm;
    private final double[] catalogueShare;
    private final int rank;
    private final float[] unitItems;
    private final float[] unitUsers;
    private final boolean[] hasUserVector;

    /** An explainer with {@link ExplainerOptions#defaults()}. */
    public Explainer(Interactions training, Catalogue catalogue, RecommenderModel model) {
        this(training, catalogue, model, ExplainerOptions.defaults());
    }

    /**
     * @param training  the ratings the model was trained on (same user and item indexes)
     * @param catalogue the films, indexed like the training items
     * @param model     the trained model; a {@link FactorModel} gives factor-based similarities
     */
    public Explainer(Interactions training, Catalogue catalogue, RecommenderModel model, ExplainerOptions options) {
        if (!training.items().equals(catalogue.items())) {
            throw new InvalidInputException("catalogue items differ from the training items ("
                    + catalogue.size() + " vs " + training.items().size() + " films)");
        }
        if (!training.items().equals(model.items()) || !training.users().equals(model.users())) {
            throw new InvalidInputException("model indexes differ from the training data's (model "
                    + model.users().size() + " users × " + model.items().size() + " items, data "
                    + training.users().size() + " × " + training.items().size() + ")");
        }
        this.training = training;
        this.catalogue = catalogue;
        this.model = model;
        this.options = options;
        this.byUser = CsrMatrix.byUser(training);
        this.byItem = CsrMatrix.byItem(training);
        int items = byItem.rows();
        columnNorm = new double[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
                s += (double) byItem.value(p) * byItem.value(p);
            }
            columnNorm[i] = Math.sqrt(s);
        }
        int genres = catalogue.genreNames().size();
        catalogueShare = new double[genres];
        for (int i = 0; i < catalogue.size(); i++) {
            for (int g : catalogue.genres(i)) {
                if (g >= 0 && g < genres) {
                    catalogueShare[g]++;
                }
            }
        }
        for (int g = 0; g < genres; g++) {
            catalogueShare[g] /= Math.max(1, catalogue.size());
        }
        if (model instanceof FactorModel fm) {
            factors = fm;
            rank = fm.rank();
            unitItems = normaliseRows(fm.itemFactorArray().clone(), items, rank);
            int users = fm.userCount();
            unitUsers = new float[users * rank];
            hasUserVector = new boolean[users];
            float[] x = new float[rank];
            for (int u = 0; u < users; u++) {
                if (fm.knowsUser(u)) {
                    fm.userVector(u, x);
                    System.arraycopy(x, 0, unitUsers, u * rank, rank);
                    hasUserVector[u] = true;
                }
            }
            normaliseRows(unitUsers, users, rank);
        } else {
            factors = null;
            rank = 0;
            unitItems = null;
            unitUsers = null;
            hasUserVector = null;
        }
    }

    /** How film similarities are measured by this explainer. */
    public Explanation.Basis basis() {
        return factors != null ? Explanation.Basis.LATENT_FACTORS : Explanation.Basis.CO_RATINGS;
    }

    /**
     * Explains the film {@code itemId} for the viewer {@code userId} (external ids).
     *
     * @throws NotFoundException naming the id when the viewer or the film is unknown
     */
    public Explanation explain(long userId, long itemId) {
        int u = training.users().indexOf(userId);
        if (u < 0) {
            throw new NotFoundException("user " + userId + " is not known to the model");
        }
        int i = training.items().indexOf(itemId);
        if (i < 0) {
            throw new NotFoundException("film " + itemId + " is not known to the model");
        }
        return explainIndices(u, i);
    }

    /** Same as {@link #explain(long, long)} on dense indices. */
    public Explanation explainIndices(int user, int item) {
        if (user < 0 || user >= byUser.rows()) {
            throw new NotFoundException("user index " + user + " is not known to the model ("
                    + byUser.rows() + " users)");
        }
        if (item < 0 || item >= byItem.rows()) {
            throw new NotFoundException("film index " + item + " is not known to the model ("
                    + byItem.rows() + " films)");
        }
        int[] liked = likedEntries(user);
        List<Explanation.SimilarFilm> films = similarLikedFilms(user, item, liked);
        List<Explanation.GenreMatch> genres = sharedGenres(item, liked);
        Explanation.SimilarViewers viewers = similarViewers(user, item);
        float score = model.score(user, item);
        OptionalDouble predicted = model instanceof RatingPredictor rp
                ? OptionalDouble.of(rp.predict(user, item)) : OptionalDouble.empty();
        return new Explanation(training.users().id(user), training.items().id(item), catalogue.title(item), score,
                predicted, options.likedRating(), basis(), films, genres, viewers);
    }

    /** Positions in {@code byUser} of the viewer's liked ratings (fallback: at or above their mean). */
    private int[] likedEntries(int u) {
        int from = byUser.rowStart(u);
        int to = byUser.rowEnd(u);
        int[] out = new int[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            if (byUser.value(p) >= options.likedRating()) {
                out[n++] = p;
            }
        }
        if (n == 0 && to > from) {
            double mean = 0;
            for (int p = from; p < to; p++) {
                mean += byUser.value(p);
            }
            mean /= to - from;
            for (int p = from; p < to; p++) {
                if (byUser.value(p) >= mean) {
                    out[n++] = p;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private List<Explanation.SimilarFilm> similarLikedFilms(int user, int item, int[] liked) {
        int n = liked.length;
        int[] idx = new int[n];
        float[] sim = new float[n];
        int kept = 0;
        for (int p : liked) {
            int j = byUser.col(p);
            if (j == item) {
                continue;
            }
            float s = itemSimilarity(item, j);
            if (s > 0) {
                idx[kept] = p;
                sim[kept] = s;
                kept++;
            }
        }
        int[] order = identity(kept);
        IntArrays.quickSort(order, (a, b) -> {
            int c = Float.compare(sim[b], sim[a]);
            if (c != 0) {
                return c;
            }
            c = Float.compare(byUser.value(idx[b]), byUser.value(idx[a]));
            return c != 0 ? c : Integer.compare(byUser.col(idx[a]), byUser.col(idx[b]));
        });
        List<Explanation.SimilarFilm> out = new ArrayList<>();
        for (int r = 0; r < Math.min(kept, options.maxFilms()); r++) {
            int p = idx[order[r]];
            int j = byUser.col(p);
            out.add(new Explanation.SimilarFilm(j, training.items().id(j), catalogue.title(j), byUser.value(p),
                    sim[order[r]]));
        }
        return out;
    }

    /** Cosine of two films: item factors for a factor model, else training rating columns. */
    public float itemSimilarity(int i, int j) {
        if (unitItems != null) {
            double s = 0;
            int a = i * rank;
            int b = j * rank;
            for (int f = 0; f < rank; f++) {
                s += unitItems[a + f] * unitItems[b + f];
            }
            return (float) s;
        }
        double den = columnNorm[i] * columnNorm[j];
        if (den == 0) {
            return 0f;
        }
        int p = byItem.rowStart(i);
        int pe = byItem.rowEnd(i);
        int q = byItem.rowStart(j);
        int qe = byItem.rowEnd(j);
        double dot = 0;
        while (p < pe && q < qe) {
            int a = byItem.col(p);
            int b = byItem.col(q);
            if (a == b) {
                dot += (double) byItem.value(p) * byItem.value(q);
                p++;
                q++;
            } else if (a < b) {
                p++;
            } else {
                q++;
            }
        }
        return (float) (dot / den);
    }

    private List<Explanation.GenreMatch> sharedGenres(int item, int[] liked) {
        List<Explanation.GenreMatch> out = new ArrayList<>();
        if (liked.length == 0) {
            return out;
        }
        List<String> names = catalogue.genreNames();
        for (int g : catalogue.genres(item)) {
            if (g < 0 || g >= names.size()) {
                continue;
            }
            int count = 0;
            for (int p : liked) {
                if (catalogue.hasGenre(byUser.col(p), g)) {
                    count++;
                }
            }
            double share = (double) count / liked.length;
            double lift = catalogueShare[g] > 0 ? share / catalogueShare[g] : 0;
            if (count > 0 && lift >= options.minGenreLift()) {
                out.add(new Explanation.GenreMatch(g, names.get(g), share, catalogueShare[g], lift));
            }
        }
        out.sort((a, b) -> {
            int c = Double.compare(b.userShare(), a.userShare());
            if (c != 0) {
                return c;
            }
            c = Double.compare(b.lift(), a.lift());
            return c != 0 ? c : Integer.compare(a.genre(), b.genre());
        });
        return out.size() > options.maxGenres() ? new ArrayList<>(out.subList(0, options.maxGenres())) : out;
    }

    private Explanation.SimilarViewers similarViewers(int user, int item) {
        int users = byUser.rows();
        float[] sim = new float[users];
        boolean useVectors = hasUserVector != null && user < hasUserVector.length && hasUserVector[user];
        if (useVectors) {
            int a = user * rank;
            for (int v = 0; v < Math.min(users, hasUserVector.length); v++) {
                if (v == user || !hasUserVector[v]) {
                    continue;
                }
                double s = 0;
                int b = v * rank;
                for (int f = 0; f < rank; f++) {
                    s += unitUsers[a + f] * unitUsers[b + f];
                }
                sim[v] = (float) s;
            }
        } else {
            int[] overlap = new int[users];
            for (int p = byUser.rowStart(user); p < byUser.rowEnd(user); p++) {
                int j = byUser.col(p);
                for (int q = byItem.rowStart(j); q < byItem.rowEnd(j); q++) {
                    overlap[byItem.col(q)]++;
                }
            }
            double nu = byUser.rowLength(user);
            for (int v = 0; v < users; v++) {
                if (v != user && overlap[v] > 0) {
                    sim[v] = (float) (overlap[v] / Math.sqrt(nu * byUser.rowLength(v)));
                }
            }
        }
        int candidates = 0;
        int[] cand = new int[users];
        for (int v = 0; v < users; v++) {
            if (sim[v] > 0) {
                cand[candidates++] = v;
            }
        }
        int[] order = Arrays.copyOf(cand, candidates);
        IntArrays.quickSort(order, (a, b) -> {
            int c = Float.compare(sim[b], sim[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int considered = Math.min(candidates, options.similarViewers());
        int rated = 0;
        int high = 0;
        double sum = 0;
        for (int r = 0; r < considered; r++) {
            int v = order[r];
            int at = Arrays.binarySearch(byUser.colArray(), byUser.rowStart(v), byUser.rowEnd(v), item);
            if (at >= 0) {
                float value = byUser.value(at);
                rated++;
                sum += value;
                if (value >= options.likedRating()) {
                    high++;
                }
            }
        }
        return new Explanation.SimilarViewers(considered, rated, high, rated == 0 ? Double.NaN : sum / rated);
    }

    private static float[] normaliseRows(float[] m, int rows, int rank) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int o = r * rank;
            for (int f = 0; f < rank; f++) {
                s += m[o + f] * m[o + f];
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int f = 0; f < rank; f++) {
                    m[o + f] *= inv;
                }
            }
        }
        return m;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }
}
