package io.marquee.core.synth;

import io.marquee.core.domain.Movie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated films and their hidden attributes, as parallel primitive arrays indexed by film
 * index (film id − 1). Built once per run from its own random stream, before any viewer.
 */
final class FilmCatalogue {
    private static final double[] GENRE_COUNT_WEIGHTS = {0.40, 0.38, 0.22};
    private static final double RUNTIME_SD = 13;
    /** How far a genre's direction strays from its cluster centre (length of a random unit offset). */
    private static final double GENRE_SPREAD = 0.5;
    /** Total standard deviation of a film's own latent noise around its genre direction. */
    private static final double FILM_NOISE = 0.35;

    final int size;
    final int rank;
    /** Unit latent direction of each genre, {@code Genres.COUNT × rank}. */
    final double[] genreDirection;
    final String[] titles;
    final int[] years;
    final int[] runtimes;
    /** Genre indices of each film, in alphabetical (index) order. */
    final int[][] genres;
    /** Latent vectors q_i, {@code size × rank}. */
    final double[] latent;
    /** Rating bias b_i. */
    final double[] bias;
    /** b_i / its standard deviation over the catalogue, for the drop-off model. */
    final double[] qualityZ;
    /** Zipf popularity weight. */
    final double[] popularity;
    final AliasTable popularityTable;

    FilmCatalogue(GeneratorParams params, SplittableRandom rng) {
        size = params.movies();
        rank = params.latentRank();
        genreDirection = genreDirections(rng, rank);
        titles = new String[size];
        years = new int[size];
        runtimes = new int[size];
        genres = new int[size][];
        latent = new double[size * rank];
        bias = new double[size];
        qualityZ = new double[size];
        popularity = new double[size];

        TitleMaker titleMaker = new TitleMaker();
        int lastYear = params.startDate().getYear();
        double[] sum = new double[rank];
        for (int i = 0; i < size; i++) {
            int count = 1 + RandomDraws.weighted(rng, GENRE_COUNT_WEIGHTS);
            int[] g = new int[count];
            double[] w = Genres.PREVALENCE.clone();
            g[0] = RandomDraws.weighted(rng, w);
            w[g[0]] = 0;
            for (int j = 1; j < count; j++) {
                if (j == 1 && g[0] == Genres.ANIMATION && rng.nextDouble() < 0.6) {
                    g[j] = Genres.CHILDREN;
                } else {
                    g[j] = RandomDraws.weighted(rng, w);
                }
                w[g[j]] = 0;
            }
            int primary = g[0];
            boolean family = primary == Genres.ANIMATION || primary == Genres.CHILDREN
                    || primary == Genres.DOCUMENTARY;
            double runtime;
            if (rng.nextDouble() < (family ? 0.005 : 0.025)) {
                runtime = 150 + 55 * rng.nextDouble(); // the occasional epic
            } else {
                runtime = RandomDraws.normal(rng, Genres.RUNTIME_MEAN[primary], RUNTIME_SD);
            }
            runtimes[i] = (int) Math.round(Math.max(62, Math.min(240, runtime)));
            // skewed to recent years: exponential age with mean 11 years, nothing before 1920
            years[i] = Math.max(1920, lastYear - (int) RandomDraws.exponential(rng, 11));
            titles[i] = titleMaker.next(rng, Genres.MOOD[primary]);
            Arrays.sort(g);
            genres[i] = g;

            // q_i = 0.85·normalize(Σ genre directions) + noise of total sd FILM_NOISE
            Arrays.fill(sum, 0);
            for (int genre : g) {
                for (int d = 0; d < rank; d++) {
                    sum[d] += genreDirection[genre * rank + d];
                }
            }
            double norm = Math.max(1e-9, norm(sum)); // genre directions may cancel at rank 1
            double noise = FILM_NOISE / Math.sqrt(rank);
            for (int d = 0; d < rank; d++) {
                latent[i * rank + d] = 0.85 * sum[d] / norm + noise * RandomDraws.normal(rng);
            }
            bias[i] = GenerativeModel.ITEM_BIAS_SD * RandomDraws.normal(rng);
        }

        // Zipf popularity over a random order of the films (id says nothing about popularity)
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double s = params.popularityExponent();
        double meanLog = 0;
        for (int r = 0; r < size; r++) {
            popularity[order[r]] = Math.pow(r + 1, -s);
            meanLog += -s * Math.log(r + 1);
        }
        meanLog /= size;
        double varLog = 0;
        for (int r = 0; r < size; r++) {
            double dl = -s * Math.log(r + 1) - meanLog;
            varLog += dl * dl;
        }
        double sdLog = Math.sqrt(varLog / size);
        popularityTable = new AliasTable(popularity);
        // popular films are rated a little higher
        if (sdLog > 0) {
            for (int i = 0; i < size; i++) {
                bias[i] += GenerativeModel.ITEM_BIAS_POPULARITY * (Math.log(popularity[i]) - meanLog) / sdLog;
            }
        }
        double sdBias = sd(bias);
        for (int i = 0; i < size; i++) {
            qualityZ[i] = sdBias > 0 ? bias[i] / sdBias : 0;
        }
    }

    /** Unit genre directions: genres of one taste cluster lie near the cluster's own direction. */
    private static double[] genreDirections(SplittableRandom rng, int rank) {
        // cluster centres: random unit vectors, made orthogonal (Gram–Schmidt) as far as the rank allows
        double[] centres = new double[Genres.CLUSTERS * rank];
        for (int c = 0; c < Genres.CLUSTERS; c++) {
            unitVector(rng, centres, c * rank, rank);
            if (c < rank) {
                for (int prev = 0; prev < c; prev++) {
                    double dot = 0;
                    for (int d = 0; d < rank; d++) {
                        dot += centres[c * rank + d] * centres[prev * rank + d];
                    }
                    for (int d = 0; d < rank; d++) {
                        centres[c * rank + d] -= dot * centres[prev * rank + d];
                    }
                }
                double n = 0;
                for (int d = 0; d < rank; d++) {
                    n += centres[c * rank + d] * centres[c * rank + d];
                }
                n = Math.sqrt(n);
                for (int d = 0; d < rank; d++) {
                    centres[c * rank + d] /= n;
                }
            }
        }
        double[] dirs = new double[Genres.COUNT * rank];
        double[] v = new double[rank];
        double[] own = new double[rank];
        for (int g = 0; g < Genres.COUNT; g++) {
            unitVector(rng, own, 0, rank);
            int c = Genres.CLUSTER[g];
            for (int d = 0; d < rank; d++) {
                v[d] = centres[c * rank + d] + GENRE_SPREAD * own[d];
            }
            double n = norm(v);
            for (int d = 0; d < rank; d++) {
                dirs[g * rank + d] = v[d] / n;
            }
        }
        return dirs;
    }

    private static void unitVector(SplittableRandom rng, double[] into, int offset, int rank) {
        double n;
        do {
            for (int d = 0; d < rank; d++) {
                into[offset + d] = RandomDraws.normal(rng);
            }
            n = 0;
            for (int d = 0; d < rank; d++) {
                n += into[offset + d] * into[offset + d];
            }
            n = Math.sqrt(n);
        } while (n < 1e-9);
        for (int d = 0; d < rank; d++) {
            into[offset + d] /= n;
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double sd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / v.length);
    }

    /** p·q_i for a viewer vector p. */
    double dot(double[] p, int film) {
        double s = 0;
        int base = film * rank;
        for (int d = 0; d < rank; d++) {
            s += p[d] * latent[base + d];
        }
        return s;
    }

    /** The film as a domain record (id = index + 1). */
    Movie movie(int film) {
        List<String> names = new ArrayList<>(genres[film].length);
        for (int g : genres[film]) {
            names.add(Genres.NAMES.get(g));
        }
        return new Movie(film + 1L, titles[film], years[film], runtimes[film], names);
    }
}
