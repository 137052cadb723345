package io.marquee.predict.classify;

import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;
import io.marquee.predict.features.FloatMatrix;

/**
 * A trained binary classifier: an immutable, thread-safe value that gives the probability of the
 * positive class for each row of a feature matrix. Saved into a {@link ModelArchive} by
 * {@link #writeTo} and read back by {@link Classifiers#read}.
 */
public interface Classifier extends Model {
    /** The algorithm's short name ({@code gbdt}, {@code rf}, {@code extratrees}, {@code tree}, {@code logreg}). */
    Algo algo();

    /** Number of feature columns the classifier expects. */
    int features();

    /** P(positive) for every row of {@code x}, whose width must be {@link #features()}. */
    double[] predictProba(FloatMatrix x);

    /**
     * Adds the classifier's arrays (names starting with {@code clf_}) and its metadata (key
     * {@code classifier}) to an archive being written.
     */
    void writeTo(ModelArchive.Writer writer);

    /** Checks a matrix's width against {@link #features()}. */
    default void checkWidth(FloatMatrix x) {
        if (x.cols() != features()) {
            throw io.marquee.core.error.InvalidInputException.of("number of features", x.cols(),
                    features() + " as in training");
        }
    }
}
