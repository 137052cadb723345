package io.marquee.core.synth;

import java.util.List;

/**
 * The 18 MovieLens genres with what the generator assumes about each: how common it is (share of
 * MovieLens films carrying it, rounded), its mean runtime, the taste cluster it belongs to (genres
 * of one cluster get nearby latent directions, so a fan of Crime tends to like Thriller too), the
 * word list its titles are made from, and its survey choice id.
 */
final class Genres {
    static final List<String> NAMES = List.of("Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western");
    static final int COUNT = NAMES.size();

    static final int ACTION = 0;
    static final int ADVENTURE = 1;
    static final int ANIMATION = 2;
    static final int CHILDREN = 3;
    static final int COMEDY = 4;
    static final int CRIME = 5;
    static final int DOCUMENTARY = 6;
    static final int DRAMA = 7;
    static final int FANTASY = 8;
    static final int FILM_NOIR = 9;
    static final int HORROR = 10;
    static final int MUSICAL = 11;
    static final int MYSTERY = 12;
    static final int ROMANCE = 13;
    static final int SCI_FI = 14;
    static final int THRILLER = 15;
    static final int WAR = 16;
    static final int WESTERN = 17;

    /** Survey choice ids of {@code favourite_genres}, by genre index. */
    static final String[] CHOICE_IDS = {"action", "adventure", "animation", "children", "comedy", "crime",
        "documentary", "drama", "fantasy", "film_noir", "horror", "musical", "mystery", "romance", "sci_fi",
        "thriller", "war", "western"};

    /** Relative frequency of each genre among films (MovieLens-like). */
    static final double[] PREVALENCE = {0.17, 0.10, 0.04, 0.06, 0.30, 0.11, 0.05, 0.45, 0.05, 0.01, 0.08, 0.03,
        0.05, 0.15, 0.07, 0.18, 0.04, 0.02};

    /** Mean runtime in minutes of films whose first genre this is. */
    static final double[] RUNTIME_MEAN = {115, 118, 90, 92, 100, 112, 88, 115, 118, 98, 95, 115, 108, 108, 115,
        108, 130, 118};

    /**
     * Taste cluster: 0 action/adventure/war/western, 1 family, 2 comedy, 3 crime/mystery/thriller/noir,
     * 4 documentary, 5 drama/romance/musical, 6 fantasy/sci-fi, 7 horror.
     */
    static final int[] CLUSTER = {0, 0, 1, 1, 2, 3, 4, 5, 6, 3, 7, 5, 3, 5, 6, 3, 0, 0};
    static final int CLUSTERS = 8;

    /** Title word list (see {@link TitleMaker}) by genre. */
    static final int[] MOOD = {TitleMaker.ACTION, TitleMaker.ACTION, TitleMaker.LIGHT, TitleMaker.LIGHT,
        TitleMaker.LIGHT, TitleMaker.DARK, TitleMaker.DOC, TitleMaker.HEART, TitleMaker.WONDER, TitleMaker.DARK,
        TitleMaker.HORROR, TitleMaker.HEART, TitleMaker.DARK, TitleMaker.HEART, TitleMaker.WONDER, TitleMaker.DARK,
        TitleMaker.ACTION, TitleMaker.ACTION};

    private Genres() {
    }
}
