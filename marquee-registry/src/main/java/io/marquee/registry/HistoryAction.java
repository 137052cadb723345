package io.marquee.registry;

import java.util.Locale;

/** What a {@link HistoryEntry} records. */
public enum HistoryAction {
    /** A version was registered (into {@code testing}). */
    REGISTER,
    /** A version changed stage (including the archiving of a production version replaced by a promotion). */
    STAGE,
    /** A version returned to production by {@link ModelRegistry#rollback}. */
    ROLLBACK,
    /** An alias was created or moved. */
    ALIAS_SET,
    /** An alias was removed. */
    ALIAS_REMOVED,
    /** A version was deleted (explicitly or by pruning). */
    DELETE;

    /** Lower-case name as stored. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static HistoryAction fromDb(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
