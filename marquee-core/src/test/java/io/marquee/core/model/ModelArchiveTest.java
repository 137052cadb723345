package io.marquee.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    @TempDir
    Path dir;

    private static ModelArchive.Writer sample() {
        ModelProvenance p = new ModelProvenance("mf", Map.of("factors", 2, "lr", 0.01), 7L, "abc",
                Instant.parse("2026-11-21T10:00:00Z"), "test");
        return ModelArchive.writer(p, new TrainingSummary(new double[] {1.5, 0.9}, 0.25))
                .meta("users", 3)
                .floats("factors", new float[] {1f, -2.5f, 3f, 4f}, 2, 2)
                .doubles("bias", new double[] {0.1, -0.2})
                .ints("index", new int[] {5, 6, 7})
                .longs("ids", new long[] {Long.MAX_VALUE, -1L});
    }

    @Test
    void what_is_written_reads_back_identically() {
        Path out = sample().writeTo(dir.resolve("m"));
        ModelArchive.Contents c = ModelArchive.read(out);
        assertThat(c.algorithm()).isEqualTo("mf");
        assertThat(c.provenance().seed()).isEqualTo(7L);
        assertThat(c.provenance().params()).containsEntry("factors", 2);
        assertThat(c.summary().epochLoss()).containsExactly(1.5, 0.9);
        assertThat(c.meta("users").asInt()).isEqualTo(3);
        assertThat(c.floats("factors")).containsExactly(1f, -2.5f, 3f, 4f);
        assertThat(c.shape("factors")).containsExactly(2, 2);
        assertThat(c.doubles("bias")).containsExactly(0.1, -0.2);
        assertThat(c.ints("index")).containsExactly(5, 6, 7);
        assertThat(c.longs("ids")).containsExactly(Long.MAX_VALUE, -1L);
    }

    @Test
    void a_corrupted_array_file_is_refused_naming_the_file() throws Exception {
        Path out = sample().writeTo(dir.resolve("m"));
        Path f = out.resolve("factors.f32");
        byte[] bytes = Files.readAllBytes(f);
        bytes[0] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> ModelArchive.read(out))
                .isInstanceOf(ModelArchive.CorruptModelException.class)
                .hasMessageContaining("factors.f32").hasMessageContaining("sha256");
    }

    @Test
    void a_missing_array_file_or_manifest_is_not_found() throws Exception {
        Path out = sample().writeTo(dir.resolve("m"));
        Files.delete(out.resolve("bias.f64"));
        assertThatThrownBy(() -> ModelArchive.read(out)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("bias.f64");
        assertThatThrownBy(() -> ModelArchive.read(dir.resolve("nothing"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("manifest.json");
    }

    @Test
    void asking_for_an_array_with_the_wrong_type_names_both_types() {
        Path out = sample().writeTo(dir.resolve("m"));
        assertThatThrownBy(() -> ModelArchive.read(out).ints("factors"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("float32").hasMessageContaining("int32");
    }

    @Test
    void writing_over_a_model_replaces_it_and_leaves_no_temporary_directories() throws Exception {
        Path target = dir.resolve("m");
        sample().writeTo(target);
        ModelArchive.writer(new ModelProvenance("ease", Map.of(), 1L, "x", Instant.now(), "t"),
                new TrainingSummary(new double[0], 0)).ints("only", new int[] {1}).writeTo(target);
        assertThat(ModelArchive.read(target).algorithm()).isEqualTo("ease");
        assertThat(target.resolve("factors.f32")).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("m");
        }
    }

    @Test
    void writing_over_a_directory_that_is_not_a_model_is_refused() throws Exception {
        Path target = dir.resolve("docs");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> sample().writeTo(target)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a model directory");
        assertThat(target.resolve("notes.txt")).exists();
    }
}
