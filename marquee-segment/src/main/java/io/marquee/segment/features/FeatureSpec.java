package io.marquee.segment.features;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.WatchLog;
import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which genres and devices get a share feature of their own (the most watched ones of the
 * training data). Stored with a segmentation model, so that a viewer's features are computed the
 * same way later, whatever the data set.
 *
 * @param genres  genre names with a {@code genre_share_*} feature, most watched first
 * @param devices device names with a {@code device_share_*} feature, most used first
 */
public record FeatureSpec(List<String> genres, List<String> devices) {
    public FeatureSpec {
        genres = List.copyOf(genres);
        devices = List.copyOf(devices);
    }

    /** The {@code topGenres} most watched genres and {@code topDevices} most used devices of the data. */
    public static FeatureSpec fit(Dataset data, int topGenres, int topDevices) {
        if (topGenres < 0 || topGenres > 100) {
            throw InvalidInputException.of("top_genres", topGenres, "between 0 and 100");
        }
        if (topDevices < 0 || topDevices > 20) {
            throw InvalidInputException.of("top_devices", topDevices, "between 0 and 20");
        }
        Catalogue cat = data.catalogue();
        List<String> genreNames = cat.genreNames();
        double[] weight = new double[genreNames.size()];
        WatchLog w = data.watches();
        int[] items = w.size() > 0 ? w.itemArray() : data.ratings().itemArray();
        for (int item : items) {
            int[] g = cat.genres(item);
            for (int gid : g) {
                weight[gid] += 1.0 / g.length;
            }
        }
        List<String> genres = IntStream.range(0, genreNames.size()).boxed()
                .filter(g -> weight[g] > 0)
                .sorted(Comparator.comparingDouble((Integer g) -> -weight[g]).thenComparing(genreNames::get))
                .limit(topGenres).map(genreNames::get).toList();
        List<String> deviceNames = w.deviceNames();
        long[] uses = new long[deviceNames.size()];
        for (int k = 0; k < w.size(); k++) {
            uses[deviceNames.indexOf(w.device(k))]++;
        }
        List<String> devices = new ArrayList<>(IntStream.range(0, deviceNames.size()).boxed()
                .filter(i -> uses[i] > 0)
                .sorted(Comparator.comparingLong((Integer i) -> -uses[i]).thenComparing(deviceNames::get))
                .limit(topDevices).map(deviceNames::get).toList());
        return new FeatureSpec(genres, devices);
    }
}
