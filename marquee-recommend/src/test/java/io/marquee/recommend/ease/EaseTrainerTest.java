package io.marquee.recommend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.als.Tiny;
import java.nio.file.Path;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EaseTrainerTest {
    /** X = [[1,1,0],[0,1,1],[1,1,1]] as ratings (any value counts at threshold 0). */
    private static Interactions threeItems() {
        return Tiny.of(3, 3, new int[] {0, 0, 1, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 1, 2},
                new float[] {4, 5, 3, 1, 2, 5, 4});
    }

    @Test
    void three_item_case_matches_the_hand_computed_weights() {
        // XᵀX = [[2,2,1],[2,3,2],[1,2,2]]; with λ = 1, G = [[3,2,1],[2,4,2],[1,2,3]], det G = 16,
        // P = G⁻¹ = [[.5,-.25,0],[-.25,.5,-.25],[0,-.25,.5]], so B_ij = -P_ij / P_jj:
        double[][] expected = {{0, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0}};
        EaseModel model = new EaseTrainer(EaseParams.defaults().withRegularization(1)).train(threeItems());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat((double) model.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6));
            }
        }
        // user 0 has items 0 and 1: scores = B row 0 + B row 1 = [0.5, 0.5, 0.5]
        float[] s = new float[3];
        model.scoreAll(0, s);
        assertThat(s[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(s[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(s[2]).isCloseTo(0.5f, within(1e-6f));
        assertThat(model.score(0, 2)).isEqualTo(s[2]);
    }

    @Test
    void weights_match_an_independent_lu_inverse_on_random_data() {
        Interactions data = Tiny.randomRatings(60, 25, 0.3, 5);
        double lambda = 7;
        EaseModel model = new EaseTrainer(EaseParams.defaults().withRegularization(lambda)).train(data);
        DMatrixRMaj x = new DMatrixRMaj(60, 25);
        for (int k = 0; k < data.size(); k++) {
            x.set(data.user(k), data.item(k), 1);
        }
        DMatrixRMaj g = new DMatrixRMaj(25, 25);
        CommonOps_DDRM.multTransA(x, x, g);
        for (int i = 0; i < 25; i++) {
            g.add(i, i, lambda);
        }
        DMatrixRMaj p = new DMatrixRMaj(25, 25);
        assertThat(CommonOps_DDRM.invert(g, p)).isTrue(); // LU, not Cholesky
        for (int i = 0; i < 25; i++) {
            for (int j = 0; j < 25; j++) {
                double b = i == j ? 0 : -p.get(i, j) / p.get(j, j);
                assertThat((double) model.weight(i, j)).isCloseTo(b, within(1e-6));
            }
        }
    }

    @Test
    void training_twice_on_the_same_data_yields_identical_weights() {
        Interactions data = Tiny.randomRatings(80, 40, 0.2, 2);
        EaseModel a = new EaseTrainer(EaseParams.defaults()).train(data);
        EaseModel b = new EaseTrainer(EaseParams.defaults()).train(data);
        assertThat(a.weightArray()).isEqualTo(b.weightArray());
    }

    @Test
    void save_then_load_gives_equal_scores(@TempDir Path dir) {
        Interactions data = Tiny.randomRatings(50, 30, 0.3, 4);
        EaseModel model = new EaseTrainer(EaseParams.defaults().withRegularization(20)).train(data);
        EaseModel back = (EaseModel) EaseTrainer.SPEC.loader().apply(ModelArchive.read(model.save(dir.resolve("e"))));
        assertThat(back.users()).isEqualTo(model.users());
        assertThat(back.items()).isEqualTo(model.items());
        assertThat(back.provenance().toString()).isEqualTo(model.provenance().toString());
        float[] s1 = new float[30];
        float[] s2 = new float[30];
        for (int u = 0; u < 50; u++) {
            model.scoreAll(u, s1);
            back.scoreAll(u, s2);
            assertThat(s2).isEqualTo(s1);
            assertThat(back.knowsUser(u)).isEqualTo(model.knowsUser(u));
        }
    }

    @Test
    void bad_params_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> ParamsBinder.bind(EaseParams.defaults(), Map.of("regularization", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regularization must be")
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> ParamsBinder.bind(EaseParams.defaults(), Map.of("max_items", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max_items");
        assertThatThrownBy(() -> EaseParams.defaults().withMaxItems(50_000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max_items")
                .hasMessageContaining("50000");
        assertThatThrownBy(() -> EaseParams.defaults().withRatingThreshold(Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rating_threshold");
        assertThatThrownBy(() -> ParamsBinder.bind(EaseParams.defaults(), Map.of("rank", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'rank'");
        assertThat(EaseParams.defaults().toMap()).containsEntry("regularization", 500.0)
                .containsEntry("max_items", 20_000).containsKey("seed");
        assertThat(EaseTrainer.SPEC.name()).isEqualTo("ease");
        assertThat(EaseTrainer.SPEC.predictsRatings()).isFalse();
        assertThat(EaseTrainer.SPEC.trainer(Map.of("regularization", "2")).train(threeItems()).items().size())
                .isEqualTo(3);
    }

    @Test
    void empty_data_and_data_without_positives_are_refused() {
        assertThatThrownBy(() -> new EaseTrainer(EaseParams.defaults()).train(Tiny.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new EaseTrainer(EaseParams.defaults().withRatingThreshold(6)).train(threeItems()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rating_threshold");
    }

    @Test
    void a_catalogue_larger_than_max_items_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new EaseTrainer(EaseParams.defaults().withMaxItems(2)).train(threeItems()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3 items")
                .hasMessageContaining("max_items 2");
    }

    @Test
    void ratings_below_the_threshold_are_ignored() {
        // threshold 4 keeps: user 0 items 0, 1; user 2 items 1, 2 (user 1 rated 3 and 1)
        EaseModel thresholded = new EaseTrainer(EaseParams.defaults().withRegularization(1).withRatingThreshold(4))
                .train(threeItems());
        Interactions kept = Tiny.of(3, 3, new int[] {0, 0, 2, 2}, new int[] {0, 1, 1, 2}, new float[] {1, 1, 1, 1});
        EaseModel direct = new EaseTrainer(EaseParams.defaults().withRegularization(1)).train(kept);
        assertThat(thresholded.weightArray()).isEqualTo(direct.weightArray());
        assertThat(thresholded.knowsUser(1)).isFalse();
    }

    @Test
    void a_user_without_positives_is_unknown_scores_zero_and_falls_back_to_popularity() {
        Interactions data = Tiny.of(3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2}, new float[] {5, 4, 5, 1});
        EaseModel model = new EaseTrainer(EaseParams.defaults().withRegularization(1).withRatingThreshold(4))
                .train(data);
        assertThat(model.knowsUser(1)).isTrue();
        assertThat(model.knowsUser(2)).isFalse();
        float[] s = new float[3];
        model.scoreAll(2, s);
        assertThat(s).containsOnly(0f);
        float[] counts = {1, 2, 1};
        ItemScorer popularity = new ItemScorer() {
            @Override
            public int userCount() {
                return 3;
            }

            @Override
            public int itemCount() {
                return 3;
            }

            @Override
            public boolean knowsUser(int user) {
                return true;
            }

            @Override
            public void scoreAll(int user, float[] out) {
                System.arraycopy(counts, 0, out, 0, 3);
            }
        };
        Fallback served = new Fallback(model, popularity);
        assertThat(served.usesPrimary(2)).isFalse();
        served.scoreAll(2, s);
        assertThat(s).containsExactly(1f, 2f, 1f);
    }
}
