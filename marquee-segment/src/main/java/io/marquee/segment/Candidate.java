package io.marquee.segment;

import io.marquee.segment.report.Fmt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One algorithm and parameter setting tried by a segmentation, with its scores on all segmented
 * viewers: a row of {@code model_comparison.csv}.
 *
 * @param algorithm         algorithm id ({@code kmeans}, {@code gmm}, {@code ward}, {@code dbscan}, {@code hdbscan})
 * @param config            the parameters that vary, e.g. {@code k=5} or {@code covariance=full;components=4}
 * @param clusters          segments found (noise not counted)
 * @param noiseShare        share of viewers labelled noise (density-based algorithms)
 * @param smallestShare     share of viewers in the smallest segment
 * @param silhouette        mean silhouette (exact or sampled, see {@link SegmentParams}); NaN below 2 clusters
 * @param daviesBouldin     Davies–Bouldin index (lower is better)
 * @param calinskiHarabasz  Calinski–Harabasz index (higher is better)
 * @param inertia           within-segment sum of squares of the standardised features
 * @param bic               BIC of a Gaussian mixture (NaN for the others)
 * @param seconds           fitting time (metrics excluded)
 * @param stabilityAri      mean adjusted Rand index across subsample re-fits (NaN when not checked:
 *                          only the best candidates are, in order, until one is stable enough)
 * @param admissible        whether it passes the choice rule's filters
 * @param note              why it is not admissible, or what is special
 * @param chosen            whether it is the chosen model
 */
public record Candidate(String algorithm, String config, int clusters, double noiseShare, double smallestShare,
                        double silhouette, double daviesBouldin, double calinskiHarabasz, double inertia, double bic,
                        double seconds, double stabilityAri, boolean admissible, String note, boolean chosen) {

    /** Header of {@code model_comparison.csv}. */
    public static final String[] CSV_HEADER = {"algorithm", "params", "clusters", "noise_share", "smallest_share",
        "silhouette", "davies_bouldin", "calinski_harabasz", "inertia", "bic", "fit_seconds", "stability_ari", "admissible", "chosen",
        "note"};

    /** The CSV cells, numbers with fixed decimals in the root locale. */
    public String[] csv() {
        return new String[] {algorithm, config, Integer.toString(clusters), Fmt.num(noiseShare, 4),
            Fmt.num(smallestShare, 4), Fmt.num(silhouette, 4), Fmt.num(daviesBouldin, 4),
            Fmt.num(calinskiHarabasz, 2), Fmt.num(inertia, 2), Double.isNaN(bic) ? "" : Fmt.num(bic, 2),
            Fmt.num(seconds, 3), Double.isNaN(stabilityAri) ? "" : Fmt.num(stabilityAri, 4), Boolean.toString(admissible), Boolean.toString(chosen), note};
    }

    /** A readable label, e.g. {@code k-means (k=5)}. */
    public String label() {
        return SegmentParams.Algorithm.parse(algorithm).label() + " (" + config.replace(";", ", ") + ")";
    }

    Candidate asChosen() {
        return new Candidate(algorithm, config, clusters, noiseShare, smallestShare, silhouette, daviesBouldin,
                calinskiHarabasz, inertia, bic, seconds, stabilityAri, admissible, note, true);
    }

    Candidate withStability(double ari, boolean stillAdmissible, String why) {
        return new Candidate(algorithm, config, clusters, noiseShare, smallestShare, silhouette, daviesBouldin,
                calinskiHarabasz, inertia, bic, seconds, ari, stillAdmissible, why == null ? note
                : note.isEmpty() ? why : why + "; " + note, chosen);
    }

    Candidate notAdmissible(String why) {
        return new Candidate(algorithm, config, clusters, noiseShare, smallestShare, silhouette, daviesBouldin,
                calinskiHarabasz, inertia, bic, seconds, stabilityAri, false, note.isEmpty() ? why : why + "; " + note,
                chosen);
    }

    /** The row as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("params", config);
        m.put("clusters", clusters);
        m.put("noise_share", noiseShare);
        m.put("smallest_share", smallestShare);
        m.put("silhouette", finite(silhouette));
        m.put("davies_bouldin", finite(daviesBouldin));
        m.put("calinski_harabasz", finite(calinskiHarabasz));
        m.put("inertia", finite(inertia));
        m.put("bic", finite(bic));
        m.put("fit_seconds", seconds);
        m.put("stability_ari", finite(stabilityAri));
        m.put("admissible", admissible);
        m.put("chosen", chosen);
        m.put("note", note);
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
