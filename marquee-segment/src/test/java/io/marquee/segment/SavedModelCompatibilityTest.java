package io.marquee.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model directory {@code saved-before-core-transforms/model} was written by {@code marquee
 * segment} before the cleaning and scaling moved to {@code marquee-core}'s shared transforms (on
 * the default synthetic data); {@code viewers.json} holds, from the same code, forty viewers' raw
 * features, their standardised features and their segments. The model must still load and place
 * them identically.
 */
class SavedModelCompatibilityTest {
    @Test
    void aModelSavedBeforeTheSharedTransformsLoadsAndAssignsAsItDid() throws Exception {
        Path dir = Path.of(SavedModelCompatibilityTest.class.getResource("saved-before-core-transforms/model").toURI());
        SegmentModel model = SegmentModel.load(dir);
        JsonNode viewers;
        try (InputStream in = SavedModelCompatibilityTest.class
                .getResourceAsStream("saved-before-core-transforms/viewers.json")) {
            viewers = new ObjectMapper().readTree(in);
        }
        assertThat(viewers.size()).isEqualTo(40);
        int d = model.featureNames().size();
        for (JsonNode v : viewers) {
            double[] raw = new double[d];
            for (int c = 0; c < d; c++) {
                JsonNode x = v.path("raw").get(c);
                raw[c] = x.isTextual() ? Double.NaN : x.asDouble();
            }
            double[] z = model.preprocessor().transform(raw);
            for (int c = 0; c < d; c++) {
                assertThat(z[c]).as("viewer %s, %s", v.path("user_id"), model.featureNames().get(c))
                        .isEqualTo(v.path("z").get(c).asDouble());
            }
            assertThat(model.segmentOf(raw)).as("viewer %s", v.path("user_id")).isEqualTo(v.path("segment").asInt());
        }
    }
}
