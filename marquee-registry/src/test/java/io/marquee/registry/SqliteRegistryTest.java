package io.marquee.registry;

import io.marquee.core.store.Database;
import java.nio.file.Path;

/** The registry contract on a SQLite file. */
class SqliteRegistryTest extends RegistryContractTest {
    @Override
    Database newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
