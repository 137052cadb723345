package io.marquee.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.segment.SegmentParams.Algorithm;
import io.marquee.segment.cluster.GmmModel;
import io.marquee.segment.cluster.Points;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchTest {
    /** Four Gaussian blobs of 150 points in 3 dimensions, centres 6 sds apart. */
    private static Points blobs() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 600;
        int d = 3;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = i % 4;
            for (int t = 0; t < d; t++) {
                x[i * d + t] = (t == c % d ? 6.0 * (1 + c / 3) : 0) + rnd.nextGaussian();
            }
        }
        return new Points(x, n, d);
    }

    @Test
    void mixtureSizesAreComparedOnASampleAndTheBicBestIsFittedAgainOnAllViewers() {
        Points x = blobs();
        SegmentParams p = SegmentParams.defaults().withAlgorithms(EnumSet.of(Algorithm.GMM)).withK(3, 6)
                .withGmmSample(200);
        List<Search.Trial> trials = Search.run(x, p);
        assertThat(trials).hasSize(8);
        for (String shape : List.of("diagonal", "full")) {
            List<Search.Trial> ofShape = trials.stream().filter(t -> t.config.contains("covariance=" + shape)).toList();
            assertThat(ofShape).hasSize(4);
            List<Search.Trial> refit = ofShape.stream().filter(t -> t.fitNote.contains("again on all")).toList();
            assertThat(refit).hasSize(1);
            double lowest = ofShape.stream().mapToDouble(t -> t.bic).min().orElseThrow();
            assertThat(refit.get(0).bic).isEqualTo(lowest);
            for (Search.Trial t : ofShape) {
                assertThat(t.labels).hasSize(x.n());
                assertThat(t.fitNote).startsWith("BIC on a sample of 200");
                GmmModel m = (GmmModel) t.assigner;
                // the refitted model's own labels are its training labels on all viewers; the others
                // label every viewer from their sample fit
                assertThat(t.labels).isEqualTo(t == refit.get(0) ? m.labels() : m.assignAll(x));
                assertThat(m.labels()).hasSize(t == refit.get(0) ? x.n() : 200);
            }
        }
        // the four blobs are found at the BIC-best size of the full mixtures
        Search.Trial best = trials.stream().filter(t -> t.config.contains("full") && t.fitNote.contains("again"))
                .findFirst().orElseThrow();
        assertThat(best.modelClusters).isEqualTo(4);
    }

    @Test
    void withoutMoreViewersThanTheSampleEveryMixtureIsFittedOnAll() {
        Points x = blobs();
        SegmentParams p = SegmentParams.defaults().withAlgorithms(EnumSet.of(Algorithm.GMM)).withK(3, 4)
                .withGmmSample(600);
        for (Search.Trial t : Search.run(x, p)) {
            assertThat(t.fitNote).isEmpty();
            assertThat(((GmmModel) t.assigner).labels()).isEqualTo(t.labels).hasSize(600);
        }
    }
}
