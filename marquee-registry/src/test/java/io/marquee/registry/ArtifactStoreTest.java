package io.marquee.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    @TempDir
    Path tmp;

    @Test
    void put_stores_a_verified_copy_addressed_by_the_sha256_of_its_manifest() throws Exception {
        ArtifactStore store = ArtifactStore.at(tmp.resolve("store"));
        Path model = TestModels.saved(tmp, 3f);
        String hash = store.put(model);
        assertThat(hash).isEqualTo(ModelArchive.sha256(Files.readAllBytes(model.resolve("manifest.json"))));
        assertThat(store.path(hash)).isEqualTo(tmp.resolve("store").resolve(hash.substring(0, 2)).resolve(hash)
                .toAbsolutePath());
        assertThat(store.open(hash).algorithm()).isEqualTo("mean");
        assertThat(store.put(model)).isEqualTo(hash); // same content, stored once
        assertThat(store.hashes()).containsExactly(hash);
        assertThat(Files.exists(model)).isTrue(); // the source is copied, not moved
    }

    @Test
    void the_default_store_of_a_sqlite_file_is_the_directory_beside_it() {
        try (Database db = Database.open(tmp.resolve("marquee.db").toString())) {
            assertThat(ArtifactStore.defaultRoot(db)).isEqualTo(tmp.resolve("marquee.artifacts").toAbsolutePath());
        }
        try (Database db = Database.open("jdbc:sqlite::memory:")) {
            assertThatThrownBy(() -> ArtifactStore.defaultRoot(db)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("artifact directory");
        }
    }

    @Test
    void a_corrupted_array_a_tampered_manifest_or_a_missing_artifact_is_refused() throws Exception {
        ArtifactStore store = ArtifactStore.at(tmp.resolve("store"));
        String a = store.put(TestModels.saved(tmp, 1f));
        TestModels.corrupt(store, a);
        assertThatThrownBy(() -> store.open(a)).isInstanceOf(ModelArchive.CorruptModelException.class)
                .hasMessageContaining(a).hasMessageContaining("corrupted");

        String b = store.put(TestModels.saved(tmp, 2f));
        Path manifest = store.path(b).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"mean\"", "\"mf\""));
        assertThatThrownBy(() -> store.open(b)).isInstanceOf(ModelArchive.CorruptModelException.class)
                .hasMessageContaining("manifest");

        String missing = "0".repeat(64);
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(NotFoundException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> store.open("../etc")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("artifact hash");
    }

    @Test
    void putting_again_repairs_a_damaged_copy_and_a_corrupted_source_is_refused() {
        ArtifactStore store = ArtifactStore.at(tmp.resolve("store"));
        Path model = TestModels.saved(tmp, 1f);
        String hash = store.put(model);
        TestModels.corrupt(store, hash);
        assertThat(store.put(model)).isEqualTo(hash);
        assertThat(store.open(hash).algorithm()).isEqualTo("mean");

        ArtifactStore other = ArtifactStore.at(tmp.resolve("other"));
        TestModels.corrupt(store, hash);
        assertThatThrownBy(() -> other.put(store.path(hash))).isInstanceOf(ModelArchive.CorruptModelException.class);
        assertThat(other.hashes()).isEmpty();
    }

    @Test
    void garbage_collection_deletes_only_unreferenced_artifacts_old_enough() {
        ArtifactStore store = ArtifactStore.at(tmp.resolve("store"));
        String keep = store.put(TestModels.saved(tmp, 1f));
        String drop = store.put(TestModels.saved(tmp, 2f));
        assertThat(store.collectGarbage(Set.of(keep), Duration.ofHours(1))).isEmpty(); // too young: may be in use
        assertThat(store.collectGarbage(Set.of(keep), Duration.ZERO)).containsExactly(drop);
        assertThat(store.hashes()).containsExactly(keep);
    }
}
