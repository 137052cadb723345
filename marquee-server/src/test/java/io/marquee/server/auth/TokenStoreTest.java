package io.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path dir;

    @Test
    void tokens_are_stored_only_as_sha256_hashes_and_authenticate_with_their_role() {
        try (Database db = Database.open(dir.resolve("t.db").toString())) {
            TokenStore store = new TokenStore(db);
            CreatedToken admin = store.create(Role.ADMIN, "ops", "test");
            assertThat(admin.token()).startsWith("mq_").hasSizeGreaterThan(40);
            List<String> stored = db.withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).list());
            assertThat(stored).containsExactly(TokenStore.sha256(admin.token())).doesNotContain(admin.token());
            assertThat(store.authenticate(admin.token())).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.ADMIN));
            assertThat(store.authenticate(admin.token() + "x")).isEmpty();
            assertThat(store.revoke(admin.prefix())).isEqualTo(1);
            assertThat(store.authenticate(admin.token())).isEmpty();
        }
    }

    @Test
    void an_admin_may_do_what_a_reader_may_but_not_the_reverse() {
        assertThat(Role.ADMIN.allows(Role.READER)).isTrue();
        assertThat(Role.READER.allows(Role.ADMIN)).isFalse();
        assertThat(Role.parse("Admin")).isEqualTo(Role.ADMIN);
    }
}
