package io.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import io.marquee.segment.SegmentParams;
import io.marquee.segment.Segmentation;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The segments routes against a segmentation model registered and promoted on {@code segments}. */
class SegmentsApiTest {
    private static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void segments_are_unavailable_until_a_model_is_promoted_then_served_with_profiles_and_per_viewer() {
        assertThat(f.get("/api/v1/segments", f.reader).status()).isEqualTo(503);

        Path out = f.dir.resolve("segments");
        Segmentation.run(f.data, SegmentParams.defaults().withAlgorithms(Set.of(SegmentParams.Algorithm.KMEANS))
                .withK(2, 4), out);
        ModelVersion v = f.services.registry().register(
                new NewVersion("segments", out.resolve("model"), "test", "fixture segments", null, null));
        f.services.registry().transition(v.id(), Stage.STAGING, "test", "fixture");
        f.services.registry().promote(v.id(), "test", "fixture");

        ServerFixture.Reply list = f.get("/api/v1/segments", f.reader);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().get("model_id").asLong()).isEqualTo(v.id());
        assertThat(list.text()).contains("\"name\"");

        long viewer = f.ratedUser(0);
        ServerFixture.Reply one = f.get("/api/v1/segments/" + viewer, f.reader);
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.json().get("user_id").asLong()).isEqualTo(viewer);
        assertThat(one.json().get("name").asText()).isNotBlank();

        assertThat(f.get("/api/v1/segments/99999999", f.reader).status()).isEqualTo(404);
        assertThat(f.get("/api/v1/segments/abc", f.reader).status()).isEqualTo(400);
        assertThat(f.get("/api/v1/segments", null).status()).isEqualTo(401);
    }
}
