package io.marquee.segment;

import io.marquee.core.data.Viewers;
import io.marquee.segment.features.Demographics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How age groups and genders spread over the segments. The representation index of a group in a
 * segment is the group's share of the segment divided by its share of all segmented viewers
 * (1 = as expected). A group is flagged under-represented in a segment when the index is below
 * {@link #UNDER} and at least {@link #MIN_EXPECTED} of its viewers would be expected there (smaller
 * cells are noise). Viewers left as noise by a density-based model are not counted.
 *
 * @param segments segment names, by id
 * @param groups   the groups, age bands first, then genders
 * @param counts   viewers per segment and group ({@code [segment][group]})
 * @param index    representation index per segment and group
 * @param flags    the under-represented cells
 */
public record Representation(List<String> segments, List<Group> groups, long[][] counts, double[][] index,
                             List<Flag> flags) {
    /** Index below which a group is flagged. */
    public static final double UNDER = 0.5;
    /** Expected viewers below which a cell is not judged. */
    public static final double MIN_EXPECTED = 10;

    /**
     * A demographic group.
     *
     * @param dimension "age" or "gender"
     * @param name      band or gender value
     * @param count     segmented viewers in the group
     * @param share     share of segmented viewers
     */
    public record Group(String dimension, String name, long count, double share) {
    }

    /**
     * An under-represented group in a segment.
     *
     * @param segment         segment id
     * @param segmentName     segment name
     * @param dimension       "age" or "gender"
     * @param group           group name
     * @param segmentShare    the group's share of the segment
     * @param populationShare the group's share of all segmented viewers
     * @param index           segmentShare / populationShare
     */
    public record Flag(int segment, String segmentName, String dimension, String group, double segmentShare,
                       double populationShare, double index) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", segment);
            m.put("segment_name", segmentName);
            m.put("dimension", dimension);
            m.put("group", group);
            m.put("segment_share", segmentShare);
            m.put("population_share", populationShare);
            m.put("index", index);
            return m;
        }
    }

    static Representation of(Viewers viewers, int[] userIndex, int[] seg, List<String> segmentNames) {
        int k = segmentNames.size();
        List<String> genders = new ArrayList<>(new TreeSet<>(allGenders(viewers, userIndex)));
        List<String[]> keys = new ArrayList<>();
        for (String band : Demographics.AGE_BANDS) {
            keys.add(new String[] {"age", band});
        }
        for (String g : genders) {
            keys.add(new String[] {"gender", g});
        }
        int ng = keys.size();
        long[][] counts = new long[k][ng];
        long[] size = new long[k];
        long total = 0;
        for (int r = 0; r < userIndex.length; r++) {
            int s = seg[r];
            if (s < 0) {
                continue;
            }
            int u = userIndex[r];
            counts[s][Demographics.ageBandIndex(viewers.age(u))]++;
            counts[s][Demographics.AGE_BANDS.size() + genders.indexOf(Demographics.gender(viewers.gender(u)))]++;
            size[s]++;
            total++;
        }
        List<Group> groups = new ArrayList<>();
        double[] popShare = new double[ng];
        for (int g = 0; g < ng; g++) {
            long c = 0;
            for (int s = 0; s < k; s++) {
                c += counts[s][g];
            }
            popShare[g] = total == 0 ? 0 : (double) c / total;
            groups.add(new Group(keys.get(g)[0], keys.get(g)[1], c, popShare[g]));
        }
        double[][] index = new double[k][ng];
        List<Flag> flags = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            for (int g = 0; g < ng; g++) {
                double segShare = size[s] == 0 ? 0 : (double) counts[s][g] / size[s];
                index[s][g] = popShare[g] == 0 ? Double.NaN : segShare / popShare[g];
                double expected = size[s] * popShare[g];
                if (expected >= MIN_EXPECTED && index[s][g] < UNDER) {
                    flags.add(new Flag(s, segmentNames.get(s), keys.get(g)[0], keys.get(g)[1], segShare, popShare[g],
                            index[s][g]));
                }
            }
        }
        return new Representation(List.copyOf(segmentNames), groups, counts, index, flags);
    }

    private static List<String> allGenders(Viewers viewers, int[] userIndex) {
        List<String> out = new ArrayList<>();
        for (int u : userIndex) {
            out.add(Demographics.gender(viewers.gender(u)));
        }
        return out;
    }

    /** Groups and flags as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> g = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group gr = groups.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dimension", gr.dimension());
            e.put("group", gr.name());
            e.put("viewers", gr.count());
            e.put("share", gr.share());
            List<Double> idx = new ArrayList<>();
            for (double[] row : index) {
                idx.add(Candidate.finite(row[i]));
            }
            e.put("index_by_segment", idx);
            g.add(e);
        }
        m.put("groups", g);
        m.put("under_represented", flags.stream().map(Flag::toMap).toList());
        return m;
    }
}
