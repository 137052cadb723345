package io.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    void a_token_revoked_through_another_store_of_the_same_process_is_refused_at_once() {
        try (Database db = Database.open(dir.resolve("t.db").toString())) {
            TokenStore serving = new TokenStore(db);
            CreatedToken t = serving.create(Role.READER, "app", "test");
            assertThat(serving.authenticate(t.token())).isPresent(); // now cached
            assertThat(new TokenStore(db).revoke(t.prefix())).isEqualTo(1); // e.g. 'marquee token revoke' in this JVM
            assertThat(serving.authenticate(t.token())).isEmpty();
        }
    }

    @Test
    void a_token_revoked_by_another_process_is_refused_once_the_revocation_poll_comes_round() {
        try (Database db = Database.open(dir.resolve("t.db").toString())) {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
            TokenStore serving = new TokenStore(db, clock, 1_000);
            CreatedToken t = serving.create(Role.READER, "app", "test");
            CreatedToken other = serving.create(Role.READER, "other", "test");
            assertThat(serving.authenticate(t.token())).isPresent();
            assertThat(serving.authenticate(other.token())).isPresent();
            // what another process does: a committed UPDATE this JVM was not told about
            db.withHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at_ms = 1 WHERE prefix = :p")
                    .bind("p", t.prefix()).execute());
            clock.advance(Duration.ofMillis(999));
            assertThat(serving.authenticate(t.token())).as("within the documented bound the cache answers").isPresent();
            clock.advance(Duration.ofMillis(1));
            assertThat(serving.authenticate(t.token())).isEmpty();
            assertThat(serving.authenticate(other.token())).isPresent();
        }
    }

    @Test
    void a_revocation_poll_interval_below_one_millisecond_is_refused() {
        try (Database db = Database.open(dir.resolve("t.db").toString())) {
            assertThatThrownBy(() -> new TokenStore(db, Clock.systemUTC(), 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("revocationPollMs");
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void an_admin_may_do_what_a_reader_may_but_not_the_reverse() {
        assertThat(Role.ADMIN.allows(Role.READER)).isTrue();
        assertThat(Role.READER.allows(Role.ADMIN)).isFalse();
        assertThat(Role.parse("Admin")).isEqualTo(Role.ADMIN);
    }
}
