package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import java.util.List;

/** A way of cutting interaction data into train/test folds. Deterministic for a given seed. */
public interface Split {
    /** The folds, in order. */
    List<Fold> folds(Interactions data);

    /** A short description for reports, e.g. {@code kfold:5 (seed 42)}. */
    String describe();
}
