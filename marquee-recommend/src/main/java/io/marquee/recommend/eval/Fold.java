package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;

/**
 * One train/test pair of a {@link Split}. Both share the full data's user and item indexes, so a
 * model trained on {@code train} scores {@code test}'s indices directly.
 *
 * @param index 0-based fold number
 * @param train what the model may see
 * @param test  what it is judged on
 */
public record Fold(int index, Interactions train, Interactions test) {
}
