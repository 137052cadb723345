package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import java.util.Objects;

/**
 * One train/test pair of a {@link Split}. Both share the full data's user and item indexes, so a
 * model trained on {@code train} scores {@code test}'s indices directly.
 *
 * @param index 0-based fold number
 * @param train what the model may see
 * @param test  what it is judged on
 */
public record Fold(int index, Interactions train, Interactions test) {
    public Fold {
        if (index < 0) {
            throw InvalidInputException.of("index", index, "at least 0");
        }
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!sameIndex(train, test)) {
            throw new InvalidInputException("fold " + index + ": train and test must share the same user and item"
                    + " indexes, had " + train.users() + "/" + train.items() + " and " + test.users() + "/"
                    + test.items());
        }
    }

    private static boolean sameIndex(Interactions a, Interactions b) {
        return (a.users() == b.users() || a.users().equals(b.users()))
                && (a.items() == b.items() || a.items().equals(b.items()));
    }
}
