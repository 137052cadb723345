package io.marquee.core.synth;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.lang.reflect.Field;
import java.util.SplittableRandom;

/**
 * Measurement aid for the drop-off bench (test scope, not a test): re-runs the generator's film
 * catalogue and viewer simulator with the same params — each viewer's stream depends on the seed
 * and the viewer's index only, so the viewers come out as in the data set — and keeps, by watch
 * event id, the hidden terms of the drop-off logit: −β_patience·patience_u,
 * −β_longFilm·τ_u·(runtime − 100)/30, −β_match·p_u·q_i/MATCH_SCALE and −β_quality·b_i/σ. The
 * generator itself is not changed; its private viewer traits are read by reflection.
 */
public final class HiddenTraits {
    /** Per event id (index = id): the four hidden terms of the drop-off logit. */
    public final double[] patience;
    public final double[] longFilm;
    public final double[] match;
    public final double[] quality;

    private HiddenTraits(int n) {
        patience = new double[n];
        longFilm = new double[n];
        match = new double[n];
        quality = new double[n];
    }

    /** Regenerates {@code params}'s data and records the hidden terms of every watch event. */
    public static HiddenTraits of(GeneratorParams params, int maxEventId) throws ReflectiveOperationException {
        FilmCatalogue films = new FilmCatalogue(params,
                new SplittableRandom(RandomDraws.mix64(params.seed() ^ 0xF11A5CA7A1061EL)));
        ViewerSimulator sim = new ViewerSimulator(params, films, 1L);
        Field pf = ViewerSimulator.class.getDeclaredField("patience");
        Field tf = ViewerSimulator.class.getDeclaredField("longFilmTaste");
        Field taste = ViewerSimulator.class.getDeclaredField("taste");
        pf.setAccessible(true);
        tf.setAccessible(true);
        taste.setAccessible(true);
        HiddenTraits h = new HiddenTraits(maxEventId + 1);
        int rank = films.rank;
        long[] ids = new long[1 << 16];
        int[] filmsOf = new int[1 << 16];
        for (int u = 0; u < params.users(); u++) {
            int[] count = {0};
            long[][] idRef = {ids};
            int[][] filmRef = {filmsOf};
            DataSink sink = new DataSink() {
                public void movie(Movie m) { }
                public void user(User user) { }
                public void survey(SurveyResponse r) { }
                public void rating(Rating r) { }
                public void dropoffTruth(DropoffTruth t) { }
                public void watch(WatchEvent e) {
                    if (count[0] == idRef[0].length) {
                        idRef[0] = java.util.Arrays.copyOf(idRef[0], count[0] * 2);
                        filmRef[0] = java.util.Arrays.copyOf(filmRef[0], count[0] * 2);
                    }
                    idRef[0][count[0]] = e.id();
                    filmRef[0][count[0]] = (int) (e.movieId() - 1);
                    count[0]++;
                }
            };
            sim.simulate(u, sink);
            ids = idRef[0];
            filmsOf = filmRef[0];
            double pat = pf.getDouble(sim);
            double tau = tf.getDouble(sim);
            double[] p = (double[]) taste.get(sim);
            for (int k = 0; k < count[0]; k++) {
                int id = (int) ids[k];
                int i = filmsOf[k];
                if (id >= h.patience.length) {
                    continue;
                }
                double dot = 0;
                for (int d = 0; d < rank; d++) {
                    dot += p[d] * films.latent[i * rank + d];
                }
                h.patience[id] = -GenerativeModel.BETA_PATIENCE * pat;
                h.longFilm[id] = -GenerativeModel.BETA_LONG_FILM * tau * (films.runtimes[i] - 100) / 30.0;
                h.match[id] = -GenerativeModel.BETA_MATCH * dot / GenerativeModel.MATCH_SCALE;
                h.quality[id] = -GenerativeModel.BETA_QUALITY * films.qualityZ[i];
            }
        }
        return h;
    }
}
