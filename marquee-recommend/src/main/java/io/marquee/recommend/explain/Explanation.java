package io.marquee.recommend.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Why a film is recommended to a viewer, as data: the viewer's liked films most similar to it,
 * the genres it shares with the viewer's taste, what similar viewers made of it, and the model's
 * own estimate. {@link #summary()} turns it into one sentence. Immutable.
 *
 * @param userId          the viewer's external id
 * @param itemId          the film's external id
 * @param title           the film's title
 * @param score           the model's score for the pair (comparable only within one model and user)
 * @param predictedRating the predicted rating, when the model predicts ratings
 * @param likedRating     the rating from which a film counts as liked ("4★+")
 * @param basis           how film and viewer similarities were measured
 * @param becauseYouRated liked films of the viewer most similar to this one, most similar first
 * @param sharedGenres    the film's genres over-represented among the viewer's liked films, strongest first
 * @param similarViewers  how the viewer's nearest viewers rated the film
 */
public record Explanation(long userId, long itemId, String title, float score, OptionalDouble predictedRating,
                          float likedRating, Basis basis, List<SimilarFilm> becauseYouRated,
                          List<GenreMatch> sharedGenres, SimilarViewers similarViewers) {

    /** How similarities were measured. */
    public enum Basis {
        /** Cosine of the factor model's item vectors and user vectors. */
        LATENT_FACTORS,
        /** Cosine of the training rating columns (films) and of the rated-item sets (viewers). */
        CO_RATINGS
    }

    /**
     * One of the viewer's liked films.
     *
     * @param item       dense item index
     * @param itemId     external id
     * @param title      its title
     * @param rating     the viewer's rating of it
     * @param similarity its similarity to the explained film (cosine, in (0, 1])
     */
    public record SimilarFilm(int item, long itemId, String title, float rating, float similarity) {
    }

    /**
     * A genre the film shares with the viewer's favourites.
     *
     * @param genre          genre id in the catalogue
     * @param name           genre name
     * @param userShare      fraction of the viewer's liked films that have the genre (the weight)
     * @param catalogueShare fraction of the catalogue's films that have it
     * @param lift           userShare / catalogueShare (&gt;= 1: over-represented in the viewer's taste)
     */
    public record GenreMatch(int genre, String name, double userShare, double catalogueShare, double lift) {
    }

    /**
     * What the viewer's nearest viewers made of the film.
     *
     * @param considered  how many similar viewers were looked at
     * @param rated       how many of them rated the film in training
     * @param ratedHighly how many rated it at least {@code likedRating}
     * @param meanRating  their mean rating of it (NaN when none rated it)
     */
    public record SimilarViewers(int considered, int rated, int ratedHighly, double meanRating) {
    }

    public Explanation {
        becauseYouRated = List.copyOf(becauseYouRated);
        sharedGenres = List.copyOf(sharedGenres);
    }

    /**
     * One sentence built from the data, e.g. "Because you rated Heat 5★ and Ronin 4★; shares Action,
     * Thriller with your favourites; 7 of 20 similar viewers rated it 4★+." Parts without data are left out.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!becauseYouRated.isEmpty()) {
            List<String> films = new ArrayList<>();
            for (SimilarFilm f : becauseYouRated) {
                films.add(f.title() + " " + stars(f.rating()));
            }
            parts.add("because you rated " + joinAnd(films));
        }
        if (!sharedGenres.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (GenreMatch g : sharedGenres) {
                names.add(g.name());
            }
            parts.add("shares " + String.join(", ", names) + " with your favourites");
        }
        SimilarViewers v = similarViewers;
        if (v != null && v.considered() > 0) {
            if (v.ratedHighly() > 0) {
                parts.add(v.ratedHighly() + " of " + v.considered() + " similar viewers rated it "
                        + stars(likedRating) + "+");
            } else if (v.rated() > 0) {
                parts.add(v.rated() + " of " + v.considered() + " similar viewers rated it, "
                        + stars((float) v.meanRating()) + " on average");
            }
        }
        if (parts.isEmpty()) {
            parts.add(predictedRating.isPresent()
                    ? "predicted " + stars((float) predictedRating.getAsDouble()) + " for you from overall ratings"
                    : "recommended from overall viewing patterns");
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** {@code 5★}, {@code 4.5★}. */
    static String stars(float rating) {
        if (rating == Math.rint(rating)) {
            return (int) rating + "★";
        }
        return String.format(Locale.ROOT, "%.1f★", rating);
    }

    private static String joinAnd(List<String> xs) {
        if (xs.size() == 1) {
            return xs.get(0);
        }
        return String.join(", ", xs.subList(0, xs.size() - 1)) + " and " + xs.get(xs.size() - 1);
    }
}
