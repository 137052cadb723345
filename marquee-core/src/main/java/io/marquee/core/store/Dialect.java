package io.marquee.core.store;

/** The database products Marquee runs on. */
public enum Dialect {
    /** The embedded default: one file, WAL journal, foreign keys on. */
    SQLITE,
    /** The production database. */
    POSTGRESQL;

    /** Which dialect a JDBC URL selects. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new io.marquee.core.error.InvalidInputException(
                "database URL must start with jdbc:sqlite: or jdbc:postgresql:, was " + jdbcUrl);
    }
}
