package io.marquee.recommend.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.recommend.knn.ItemKnnModel;
import io.marquee.recommend.knn.ItemKnnTrainer;
import io.marquee.recommend.online.HandFactorModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    static final int HEAT = 0;
    static final int RONIN = 1;
    static final int TOY_STORY = 2;
    static final int SE7EN = 3;
    static final int NEMO = 4;
    static final int THE_TOWN = 5;
    static final int NOTTING_HILL = 6;
    static final int AMELIE = 7;

    /** Eight films (ids 10–17) with genres Action 0, Thriller 1, Crime 2, Animation 3, Comedy 4, Romance 5, Drama 6. */
    static Catalogue catalogue() {
        String[] titles = {"Heat", "Ronin", "Toy Story", "Se7en", "Finding Nemo", "The Town", "Notting Hill", "Amelie"};
        int[][] genres = {{0, 1, 2}, {0, 1}, {3, 4}, {1, 2}, {3, 4}, {0, 2, 1, 6}, {5, 4, 6}, {5, 4}};
        return new Catalogue(IdIndex.of(10, 11, 12, 13, 14, 15, 16, 17), titles, new int[8], new int[8], genres,
                List.of("Action", "Thriller", "Crime", "Animation", "Comedy", "Romance", "Drama"));
    }

    /**
     * Viewer 100 (index 0) liked Heat 5, Ronin 4, Se7en 5, disliked Toy Story 2, Notting Hill 1, and
     * has not seen The Town. The Town's rating column is closest to Heat's:
     * cos(Town, Heat) = 61/√(70·82) ≈ 0.805, cos(Town, Se7en) = 28/√(70·45) ≈ 0.499,
     * cos(Town, Ronin) = 25/√(70·50) ≈ 0.423.
     */
    static Interactions ratings(Catalogue c) {
        int[][] t = {
                {0, HEAT, 5}, {0, RONIN, 4}, {0, TOY_STORY, 2}, {0, SE7EN, 5}, {0, NOTTING_HILL, 1},
                {1, HEAT, 5}, {1, THE_TOWN, 5}, {1, RONIN, 3},
                {2, HEAT, 4}, {2, THE_TOWN, 4}, {2, SE7EN, 2},
                {3, RONIN, 5}, {3, TOY_STORY, 4}, {3, THE_TOWN, 2},
                {4, TOY_STORY, 5}, {4, NEMO, 5}, {4, NOTTING_HILL, 4},
                {5, NOTTING_HILL, 5}, {5, AMELIE, 5}, {5, TOY_STORY, 3},
                {6, SE7EN, 4}, {6, HEAT, 4}, {6, THE_TOWN, 5}};
        int n = t.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            u[k] = t[k][0];
            i[k] = t[k][1];
            v[k] = t[k][2];
        }
        return new Interactions(IdIndex.of(100, 101, 102, 103, 104, 105, 106), c.items(), u, i, v, new long[n]);
    }

    @Test
    void co_rating_explanation_lists_the_most_similar_liked_film_first_with_the_right_genres_and_viewers() {
        Catalogue c = catalogue();
        Interactions d = ratings(c);
        ItemKnnModel knn = new ItemKnnTrainer().train(d);
        Explainer ex = new Explainer(d, c, knn);
        Explanation e = ex.explain(100, 15);

        assertThat(e.basis()).isEqualTo(Explanation.Basis.CO_RATINGS);
        assertThat(e.title()).isEqualTo("The Town");
        assertThat(e.becauseYouRated()).extracting(Explanation.SimilarFilm::title)
                .containsExactly("Heat", "Se7en", "Ronin");
        Explanation.SimilarFilm first = e.becauseYouRated().get(0);
        assertThat(first.rating()).isEqualTo(5f);
        assertThat((double) first.similarity()).isCloseTo(61 / Math.sqrt(70 * 82), within(1e-6));
        assertThat((double) e.becauseYouRated().get(2).similarity()).isCloseTo(25 / Math.sqrt(70 * 50), within(1e-6));

        // liked: Heat (A,T,C), Ronin (A,T), Se7en (T,C); catalogue: Thriller 4/8, Action 3/8, Crime 3/8.
        // Drama is The Town's too but among the disliked films only.
        assertThat(e.sharedGenres()).extracting(Explanation.GenreMatch::name)
                .containsExactly("Thriller", "Action", "Crime");
        Explanation.GenreMatch thriller = e.sharedGenres().get(0);
        assertThat(thriller.userShare()).isEqualTo(1.0);
        assertThat(thriller.catalogueShare()).isEqualTo(0.5);
        assertThat(thriller.lift()).isEqualTo(2.0);
        assertThat(e.sharedGenres().get(1).userShare()).isCloseTo(2.0 / 3, within(1e-12));

        // every other viewer shares two films with viewer 100; four of them rated The Town: 5, 4, 2, 5
        assertThat(e.similarViewers()).isEqualTo(new Explanation.SimilarViewers(6, 4, 3, 4.0));
        assertThat(e.predictedRating()).isPresent();
        assertThat(e.score()).isEqualTo(knn.score(0, THE_TOWN));

        assertThat(e.summary()).isEqualTo("Because you rated Heat 5★, Se7en 5★ and Ronin 4★; shares Thriller,"
                + " Action, Crime with your favourites; 3 of 6 similar viewers rated it 4★+.");
    }

    @Test
    void factor_model_explanations_use_item_factor_cosine() {
        Catalogue c = catalogue();
        Interactions d = ratings(c);
        // rank 2: The Town points where Ronin does, Heat is orthogonal-ish
        float[] q = {
                1f, 0.1f, // Heat
                0.1f, 1f, // Ronin
                -1f, 0f, // Toy Story
                0.7f, 0.7f, // Se7en
                -1f, 0.1f, // Nemo
                0.15f, 1f, // The Town
                -0.5f, -0.5f, // Notting Hill
                -0.6f, -0.4f}; // Amelie
        float[] p = new float[7 * 2];
        for (int u = 0; u < 7; u++) {
            p[u * 2] = 0.3f + 0.1f * u;
            p[u * 2 + 1] = 0.2f;
        }
        HandFactorModel m = new HandFactorModel(2, 3.5f, new float[7], new float[8], p, q, 0.1f);
        Explanation e = new Explainer(d, c, m).explainIndices(0, THE_TOWN);
        assertThat(e.basis()).isEqualTo(Explanation.Basis.LATENT_FACTORS);
        assertThat(e.becauseYouRated()).extracting(Explanation.SimilarFilm::title)
                .containsExactly("Ronin", "Se7en", "Heat");
        assertThat(e.predictedRating()).isEmpty();
        assertThat(e.similarViewers().considered()).isEqualTo(6);
        assertThat(e.summary()).startsWith("Because you rated Ronin 4★, Se7en 5★ and Heat 5★; shares Thriller");
    }

    @Test
    void unknown_viewer_or_film_is_refused_naming_the_id() {
        Catalogue c = catalogue();
        Interactions d = ratings(c);
        Explainer ex = new Explainer(d, c, new ItemKnnTrainer().train(d));
        assertThatThrownBy(() -> ex.explain(999, 15)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("999");
        assertThatThrownBy(() -> ex.explain(100, 4242)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("4242");
        assertThatThrownBy(() -> ex.explainIndices(0, 8)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("8");
    }

    @Test
    void a_viewer_without_signals_gets_a_sentence_from_the_prediction() {
        Catalogue c = catalogue();
        Interactions d = ratings(c);
        ItemKnnModel knn = new ItemKnnTrainer().train(d);
        // viewer 105 (index 5) liked Notting Hill and Amelie; nothing similar to Nemo was liked with genres shared?
        Explanation e = new Explainer(d, c, knn, new ExplainerOptions(4f, 3, 3, 0, 1.0)).explainIndices(5, HEAT);
        assertThat(e.similarViewers().considered()).isZero();
        assertThat(e.sharedGenres()).isEmpty();
        assertThat(e.summary()).doesNotContain("similar viewers");
        Explanation none = new Explanation(1, 2, "X", 0f, java.util.OptionalDouble.of(3.5), 4f,
                Explanation.Basis.CO_RATINGS, List.of(), List.of(), new Explanation.SimilarViewers(0, 0, 0, Double.NaN));
        assertThat(none.summary()).isEqualTo("Predicted 3.5★ for you from overall ratings.");
    }

    @Test
    void bad_options_and_mismatched_inputs_are_refused() {
        assertThatThrownBy(() -> new ExplainerOptions(4f, -1, 3, 20, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_films").hasMessageContaining("-1");
        Catalogue c = catalogue();
        Interactions d = ratings(c);
        Catalogue other = new Catalogue(IdIndex.of(1, 2), new String[] {"a", "b"}, new int[2], new int[2],
                new int[][] {{}, {}}, List.of());
        assertThatThrownBy(() -> new Explainer(d, other, new ItemKnnTrainer().train(d)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalogue");
    }
}
