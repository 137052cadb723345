package io.marquee.recommend.eval;

/**
 * Error of predicted ratings over every test rating of a fold (not averaged per user first), as
 * in Surprise and LibRec. Computed only for models that predict ratings.
 */
public final class RatingMetrics {
    private RatingMetrics() {
    }

    /** Root mean squared error: √(Σ (r̂ − r)² / N) over the N test ratings. */
    public record Rmse() implements Metric {
        @Override
        public String id() {
            return "rmse";
        }

        @Override
        public Kind kind() {
            return Kind.RATING;
        }

        @Override
        public int cutoff() {
            return 0;
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            return new ErrorAccumulator(true);
        }
    }

    /** Mean absolute error: Σ |r̂ − r| / N over the N test ratings. */
    public record Mae() implements Metric {
        @Override
        public String id() {
            return "mae";
        }

        @Override
        public Kind kind() {
            return Kind.RATING;
        }

        @Override
        public int cutoff() {
            return 0;
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            return new ErrorAccumulator(false);
        }
    }

    private static final class ErrorAccumulator implements Metric.Accumulator {
        private final boolean squared;
        private double sum;
        private long count;

        ErrorAccumulator(boolean squared) {
            this.squared = squared;
        }

        @Override
        public void add(UserResult user) {
            float[] predicted = user.predictions();
            if (predicted == null) {
                return;
            }
            float[] actual = user.testRatings();
            for (int k = 0; k < actual.length; k++) {
                double e = (double) predicted[k] - actual[k];
                sum += squared ? e * e : Math.abs(e);
            }
            count += actual.length;
        }

        @Override
        public double value() {
            if (count == 0) {
                return Double.NaN;
            }
            return squared ? Math.sqrt(sum / count) : sum / count;
        }
    }
}
