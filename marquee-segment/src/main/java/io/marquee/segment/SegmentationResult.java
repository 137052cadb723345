package io.marquee.segment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Segmentation} run produced: every candidate tried, the chosen one and why, the
 * model and its segment profiles, stability and representation, and the files written.
 * Immutable.
 *
 * @param viewers       viewers segmented
 * @param features      feature names
 * @param candidates    every algorithm and setting tried (model_comparison.csv)
 * @param chosen        the chosen candidate
 * @param reason        why it was chosen, with figures
 * @param elbowK        the k at the elbow of the k-means inertia curve (0 when k-means was not run)
 * @param model         the chosen model, ready to assign viewers
 * @param stability     agreement across subsamples and time halves
 * @param representation segment shares by age group and gender
 * @param pcaExplained  variance shares of the first two principal components
 * @param files         files written, relative to the output directory
 * @param outDir        the output directory
 * @param seconds       wall time of the whole run
 */
public record SegmentationResult(int viewers, List<String> features, List<Candidate> candidates, Candidate chosen,
                                 String reason, int elbowK, SegmentModel model, Stability stability,
                                 Representation representation, double[] pcaExplained, List<String> files,
                                 Path outDir, double seconds) {
    public SegmentationResult {
        features = List.copyOf(features);
        candidates = List.copyOf(candidates);
        files = List.copyOf(files);
        pcaExplained = pcaExplained.clone();
    }

    @Override
    public double[] pcaExplained() {
        return pcaExplained.clone();
    }

    /** The segment profiles, by id. */
    public List<SegmentProfile> segments() {
        return model.segments();
    }

    /** Everything as a map, for {@code marquee segment --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("viewers", viewers);
        m.put("features", features);
        m.put("candidates", candidates.size());
        m.put("chosen", chosen.toMap());
        m.put("reason", reason);
        m.put("kmeans_elbow_k", elbowK);
        m.put("segments", model.segments().stream().map(s -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("name", s.name());
            e.put("size", s.size());
            e.put("share", s.share());
            e.put("summary", s.summary());
            return e;
        }).toList());
        m.put("stability", stability.toMap());
        m.put("under_represented", representation.flags().stream().map(Representation.Flag::toMap).toList());
        m.put("pca_explained_variance", List.of(pcaExplained[0], pcaExplained.length > 1 ? pcaExplained[1] : 0.0));
        m.put("out_dir", outDir.toString());
        m.put("files", files);
        m.put("seconds", seconds);
        return m;
    }
}
