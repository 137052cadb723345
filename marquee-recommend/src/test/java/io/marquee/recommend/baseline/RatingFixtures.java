package io.marquee.recommend.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelProvenance;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.RatingModel;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.KFoldSplit;
import io.marquee.recommend.testing.MovieLens100k;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** Small rating data sets and RMSE helpers for the baseline and factor-model tests. */
public final class RatingFixtures {
    private RatingFixtures() {
    }

    /**
     * Ratings on users with ids 1…{@code users} and items with ids 101…; each row of
     * {@code triples} is {user index, item index, rating}.
     */
    public static Interactions of(int users, int items, double[]... triples) {
        int n = triples.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            u[k] = (int) triples[k][0];
            i[k] = (int) triples[k][1];
            v[k] = (float) triples[k][2];
        }
        return new Interactions(userIndex(users), itemIndex(items), u, i, v, new long[n]);
    }

    /** No entries at all, over {@code users} users and {@code items} items. */
    public static Interactions empty(int users, int items) {
        return new Interactions(userIndex(users), itemIndex(items), new int[0], new int[0], new float[0], new long[0]);
    }

    /**
     * Random integer ratings 1–5 with user and item effects: {@code users} users, {@code items}
     * items, each user rating {@code perUser} distinct items; the last user rates nothing.
     */
    public static Interactions random(int users, int items, int perUser, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rated = users - 1;
        int n = rated * perUser;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        double[] itemEffect = new double[items];
        for (int i = 0; i < items; i++) {
            itemEffect[i] = rnd.nextGaussian() * 0.7;
        }
        int k = 0;
        for (int user = 0; user < rated; user++) {
            double userEffect = rnd.nextGaussian() * 0.5;
            int[] perm = rnd.ints(0, items).distinct().limit(perUser).toArray();
            for (int item : perm) {
                double r = 3.5 + userEffect + itemEffect[item] + rnd.nextGaussian() * 0.8;
                u[k] = user;
                it[k] = item;
                v[k] = (float) Math.max(1, Math.min(5, Math.round(r)));
                k++;
            }
        }
        return new Interactions(userIndex(users), itemIndex(items), u, it, v, new long[n]);
    }

    private static IdIndex userIndex(int users) {
        long[] ids = new long[users];
        for (int k = 0; k < users; k++) {
            ids[k] = k + 1;
        }
        return IdIndex.of(ids);
    }

    private static IdIndex itemIndex(int items) {
        long[] ids = new long[items];
        for (int k = 0; k < items; k++) {
            ids[k] = 101 + k;
        }
        return IdIndex.of(ids);
    }

    /**
     * Asserts that a loaded model's provenance matches the trained one's. Compared field by field
     * with the params as text: after a JSON round trip a {@code long} seed of 42 comes back as an
     * {@code Integer}, so the maps are equal in content but not by {@code equals}.
     */
    public static void assertSameProvenance(ModelProvenance actual, ModelProvenance expected) {
        assertThat(actual.algorithm()).isEqualTo(expected.algorithm());
        assertThat(actual.seed()).isEqualTo(expected.seed());
        assertThat(actual.dataFingerprint()).isEqualTo(expected.dataFingerprint());
        assertThat(actual.trainedAt()).isEqualTo(expected.trainedAt());
        assertThat(actual.codeVersion()).isEqualTo(expected.codeVersion());
        assertThat(actual.params().toString()).isEqualTo(expected.params().toString());
    }

    /** Root mean squared error of {@code model}'s predictions on {@code test}. */
    public static double rmse(RatingPredictor model, Interactions test) {
        double sse = 0;
        for (int k = 0; k < test.size(); k++) {
            double e = model.predict(test.user(k), test.item(k)) - test.value(k);
            sse += e * e;
        }
        return Math.sqrt(sse / test.size());
    }

    /** Test RMSE of each fold of {@code new KFoldSplit(k, seed)} over {@code data}. */
    public static double[] crossValidate(RecommenderTrainer<? extends RatingModel> trainer, Interactions data, int k,
                                         long seed) {
        List<Fold> folds = new KFoldSplit(k, seed).folds(data);
        double[] out = new double[folds.size()];
        for (Fold f : folds) {
            out[f.index()] = rmse(trainer.train(f.train()), f.test());
        }
        return out;
    }

    public static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    /** Sample standard deviation. */
    public static double std(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double x : a) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (a.length - 1));
    }

    /**
     * The official ML-100K split u{@code n}.base / u{@code n}.test, read from the shared folder
     * (skipped when absent), with ids mapped through the full data set's user and item indexes.
     */
    public static Fold officialSplit(int n) {
        Path dir = MovieLens100k.dir();
        IdIndex users = MovieLens100k.dataset().users();
        IdIndex items = MovieLens100k.dataset().items();
        return new Fold(n - 1, readUData(dir.resolve("u" + n + ".base"), users, items),
                readUData(dir.resolve("u" + n + ".test"), users, items));
    }

    /** A file in u.data format (user TAB item TAB rating TAB time) over the given indexes. */
    public static Interactions readUData(Path file, IdIndex users, IdIndex items) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.removeIf(String::isBlank);
        int n = lines.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            String[] f = lines.get(k).split("\t");
            u[k] = users.indexOf(Long.parseLong(f[0].trim()));
            i[k] = items.indexOf(Long.parseLong(f[1].trim()));
            v[k] = Float.parseFloat(f[2].trim());
            t[k] = Long.parseLong(f[3].trim());
            if (u[k] < 0 || i[k] < 0) {
                throw new IllegalStateException(file + " line " + (k + 1) + " has an id not in u.data");
            }
        }
        return new Interactions(users, items, u, i, v, t);
    }
}
