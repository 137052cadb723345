package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for the names users choose: endpoints and aliases match {@code [a-z][a-z0-9_-]*} (at most
 * 64 characters); actors (who made a change) are 1–128 printable characters.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** Selector words that an alias may not shadow. */
    private static final Set<String> RESERVED_ALIASES = Set.of("testing", "staging", "production", "archived",
            "latest");

    private Names() {
    }

    /** Checks an endpoint name and returns it. */
    public static String endpoint(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of("endpoint", name == null ? null : "'" + name + "'",
                    "a name matching [a-z][a-z0-9_-]* of at most 64 characters");
        }
        return name;
    }

    /**
     * Checks an alias name and returns it. Stage names, {@code latest} and {@code v<number>} are
     * reserved, because {@link ModelRegistry#resolve} reads them as selectors.
     */
    public static String alias(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of("alias", name == null ? null : "'" + name + "'",
                    "a name matching [a-z][a-z0-9_-]* of at most 64 characters");
        }
        if (RESERVED_ALIASES.contains(name) || name.matches("v[0-9]+")) {
            throw InvalidInputException.of("alias", "'" + name + "'",
                    "not a stage name, 'latest' or v<number> (those are selectors)");
        }
        return name;
    }

    /** Checks free labels (each 1–64 characters; null is none) and returns an unmodifiable copy. */
    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        for (String t : tags) {
            if (t == null || t.isBlank() || t.length() > 64) {
                throw InvalidInputException.of("tag", t == null ? null : "'" + t + "'", "1 to 64 characters");
            }
        }
        return List.copyOf(tags);
    }

    /** Checks a description (at most 4,000 characters; null is empty) and returns it. */
    public static String description(String description) {
        String d = description == null ? "" : description;
        if (d.length() > 4000) {
            throw InvalidInputException.of("description", d.length() + " characters", "at most 4000 characters");
        }
        return d;
    }

    /** Checks who is making a change and returns it trimmed. */
    public static String actor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 128 || actor.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("actor", actor == null ? null : "'" + actor + "'",
                    "1 to 128 printable characters");
        }
        return actor.trim();
    }
}
