package io.marquee.segment.eda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finding of the EDA, computed from the data: the statement is chosen and its numbers filled
 * in by the data, never canned.
 *
 * @param id      stable id ({@code long_tail}, {@code demographic_genre}, …)
 * @param title   short title
 * @param text    the statement, with its figures
 * @param figures the figures behind the statement, by name
 */
public record Insight(String id, String title, String text, Map<String, Object> figures) {
    public Insight {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The insight as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("text", text);
        m.put("figures", figures);
        return m;
    }
}
