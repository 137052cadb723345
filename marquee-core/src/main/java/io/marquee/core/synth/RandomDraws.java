package io.marquee.core.synth;

import java.util.SplittableRandom;

/**
 * The few random distributions the generator needs, written on {@link SplittableRandom}.
 *
 * <p>Why by hand: commons-math is not a dependency of the project, and the JDK's own
 * {@code RandomGenerator.nextGaussian()}/{@code nextExponential()} do not specify their algorithm,
 * so a JDK update could change every generated row. With these fixed, textbook algorithms (Box–Muller,
 * inversion, Knuth's Poisson) the same seed gives the same data on every Java 17+ runtime.
 */
final class RandomDraws {
    private static final double TWO_PI = 2 * Math.PI;

    private RandomDraws() {
    }

    /** A uniform double in (0, 1]: safe to take the logarithm of. */
    static double openUniform(SplittableRandom rng) {
        return 1.0 - rng.nextDouble();
    }

    /** Standard normal by Box–Muller (one draw per call; the second value is discarded). */
    static double normal(SplittableRandom rng) {
        double r = Math.sqrt(-2.0 * Math.log(openUniform(rng)));
        return r * Math.cos(TWO_PI * rng.nextDouble());
    }

    /** Normal with the given mean and standard deviation. */
    static double normal(SplittableRandom rng, double mean, double sd) {
        return mean + sd * normal(rng);
    }

    /** Exponential with the given mean, by inversion. */
    static double exponential(SplittableRandom rng, double mean) {
        return -mean * Math.log(openUniform(rng));
    }

    /** Log-normal with mean 1: {@code exp(sigma·z − sigma²/2)}. */
    static double lognormalMeanOne(SplittableRandom rng, double sigma) {
        return Math.exp(sigma * normal(rng) - 0.5 * sigma * sigma);
    }

    /** True with probability {@code p}. */
    static boolean bernoulli(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /**
     * Number of failures before the first success, each trial a success with probability
     * {@code 1 − q} (so {@code q} is the continuation probability), capped at {@code cap}.
     */
    static int geometric(SplittableRandom rng, double q, int cap) {
        int k = 0;
        while (k < cap && rng.nextDouble() < q) {
            k++;
        }
        return k;
    }

    /** Poisson: Knuth's product method below mean 30, a rounded normal above. */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double p = rng.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * normal(rng)));
    }

    /** An index drawn with probability proportional to {@code weights[i]} (linear scan; small arrays). */
    static int weighted(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The logistic function. */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: spreads seeds for independent streams. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
