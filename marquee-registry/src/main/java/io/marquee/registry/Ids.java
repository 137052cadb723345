package io.marquee.registry;

import org.jdbi.v3.core.Handle;

/**
 * Application-assigned ids from the {@code registry_sequences} table (the schema uses no vendor
 * identity columns). Taking ids bumps the sequence's row, which also locks it until the
 * transaction ends: on PostgreSQL a row lock, on SQLite the database write lock. Registry writes
 * call {@link #lock} first, so their read-then-write logic runs serialised on both databases.
 * For the registry's own services.
 */
public final class Ids {
    /** The sequence (and lock) of registry changes: versions, history, decisions, metric points. */
    public static final String REGISTRY = "registry";
    /** The sequence of training jobs. */
    public static final String JOBS = "jobs";

    private Ids() {
    }

    /** Takes the sequence's lock for the rest of the transaction. */
    public static void lock(Handle h, String sequence) {
        int n = h.createUpdate("UPDATE registry_sequences SET next_value = next_value WHERE name = :name")
                .bind("name", sequence).execute();
        if (n != 1) {
            throw new IllegalStateException("registry_sequences has no row '" + sequence + "'; is migration V2 applied?");
        }
    }

    /** The next id of a sequence (inside a transaction). */
    public static long next(Handle h, String sequence) {
        int n = h.createUpdate("UPDATE registry_sequences SET next_value = next_value + 1 WHERE name = :name")
                .bind("name", sequence).execute();
        if (n != 1) {
            throw new IllegalStateException("registry_sequences has no row '" + sequence + "'; is migration V2 applied?");
        }
        return h.createQuery("SELECT next_value FROM registry_sequences WHERE name = :name")
                .bind("name", sequence).mapTo(Long.class).one() - 1;
    }
}
