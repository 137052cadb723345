package io.marquee.predict.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pipeline saved by the code before the numeric transforms moved to {@code marquee-core}
 * ({@code pipeline-saved-before-core-transforms.json}: its {@code toMap()} and the features it
 * produced for eleven rows, written by that code) must still load and transform identically.
 */
class SavedPipelineCompatibilityTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> saved() throws Exception {
        try (InputStream in = SavedPipelineCompatibilityTest.class
                .getResourceAsStream("pipeline-saved-before-core-transforms.json")) {
            return new ObjectMapper().readValue(in, Map.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_pipeline_saved_before_the_shared_transforms_loads_and_transforms_as_it_did() throws Exception {
        Map<String, Object> saved = saved();
        FeaturePipeline p = FeaturePipeline.fromMap((Map<String, Object>) saved.get("pipeline"));
        ObjectMapper json = new ObjectMapper();
        // the same JSON text (the parsed map has Integer where toMap has Long)
        assertThat(json.writeValueAsString(p.toMap())).isEqualTo(json.writeValueAsString(saved.get("pipeline")));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) saved.get("rows");
        assertThat(rows).hasSize(11);
        for (Map<String, Object> r : rows) {
            List<Number> expected = (List<Number>) r.get("features");
            float[] got = p.transformRow((Map<String, Object>) r.get("row"));
            assertThat(got).hasSize(expected.size());
            for (int j = 0; j < got.length; j++) {
                assertThat(got[j]).as("feature %s of row %s", p.featureNames().get(j), r.get("row"))
                        .isEqualTo(expected.get(j).floatValue());
            }
        }
    }
}
