package io.marquee.segment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Agreement of the chosen segmentation with itself: across re-fits on random subsamples of the
 * viewers (each re-fit, with another seed, labels every viewer; the adjusted Rand index compares
 * those labels with the chosen model's), and across time (features computed separately on the
 * first and second half of the viewing period, both assigned by the chosen model; the index and
 * the share of viewers who keep their segment are taken over viewers active in both halves).
 *
 * @param runs             subsample re-fits
 * @param fraction         share of viewers in each subsample
 * @param aris             adjusted Rand index of each re-fit
 * @param meanAri          mean of {@code aris} (NaN without runs)
 * @param minAri           lowest of {@code aris}
 * @param halvesViewers    viewers active in both halves
 * @param halvesAri        adjusted Rand index between the halves' segments
 * @param halvesAgreement  share of those viewers in the same segment in both halves
 * @param splitTime        epoch second where the second half starts
 */
public record Stability(int runs, double fraction, double[] aris, double meanAri, double minAri, int halvesViewers,
                        double halvesAri, double halvesAgreement, long splitTime) {
    public Stability {
        aris = aris.clone();
    }

    @Override
    public double[] aris() {
        return aris.clone();
    }

    /** The figures as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subsample_runs", runs);
        m.put("subsample_fraction", fraction);
        m.put("subsample_ari_mean", Candidate.finite(meanAri));
        m.put("subsample_ari_min", Candidate.finite(minAri));
        m.put("time_halves_viewers", halvesViewers);
        m.put("time_halves_ari", Candidate.finite(halvesAri));
        m.put("time_halves_agreement", Candidate.finite(halvesAgreement));
        m.put("time_split_epoch_seconds", splitTime);
        return m;
    }
}
