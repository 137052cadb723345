package io.marquee.recommend.online;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * A viewer folded into a factor model without retraining: the effective user vector x_u and the
 * user bias b_u, so that score(u, i) = μ + b_u + b_i + x_u · q_i. Immutable (the vector is copied
 * in and out).
 *
 * @param vector  x_u, length = the model's rank
 * @param bias    b_u
 * @param ratings how many ratings it was solved from
 */
public record FoldedUser(float[] vector, float bias, int ratings) {
    public FoldedUser {
        if (vector == null) {
            throw new InvalidInputException("folded user vector must not be null");
        }
        for (int f = 0; f < vector.length; f++) {
            if (!Float.isFinite(vector[f])) {
                throw InvalidInputException.of("folded user vector[" + f + "]", vector[f], "a finite number");
            }
        }
        if (!Float.isFinite(bias)) {
            throw InvalidInputException.of("folded user bias", bias, "a finite number");
        }
        if (ratings < 0) {
            throw InvalidInputException.of("folded user ratings", ratings, ">= 0");
        }
        vector = vector.clone();
    }

    /** A copy of x_u. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** Rank k. */
    public int rank() {
        return vector.length;
    }

    /** Component f of x_u, without copying. */
    public float component(int f) {
        return vector[f];
    }

    /** x_u · q for row {@code item} of a row-major items × rank factor array. */
    public float dot(float[] itemFactors, int item) {
        int o = item * vector.length;
        float s = 0;
        for (int f = 0; f < vector.length; f++) {
            s += vector[f] * itemFactors[o + f];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldedUser f && Arrays.equals(vector, f.vector)
                && Float.compare(bias, f.bias) == 0 && ratings == f.ratings;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(vector) * 31 + Float.hashCode(bias)) * 31 + ratings;
    }

    @Override
    public String toString() {
        return "FoldedUser[rank=" + vector.length + ", bias=" + bias + ", ratings=" + ratings + "]";
    }
}
