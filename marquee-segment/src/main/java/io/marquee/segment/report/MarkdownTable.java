package io.marquee.segment.report;

import java.util.ArrayList;
import java.util.List;

/** Builds a GitHub-flavoured markdown table; cells are escaped. */
public final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** A table with these column titles; a title starting with {@code >} is right-aligned. */
    public MarkdownTable(String... header) {
        this.header = new ArrayList<>();
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            String h = header[i];
            if (h.startsWith(">")) {
                rightAligned[i] = true;
                h = h.substring(1);
            }
            this.header.add(h);
        }
    }

    /** Adds a row; it must have as many cells as the header. */
    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(Fmt.md(c == null ? "" : c.toString()));
        }
        rows.add(r);
        return this;
    }

    /** Number of rows added. */
    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header.stream().map(Fmt::md).toList())).append(" |\n");
        sb.append('|');
        for (boolean right : rightAligned) {
            sb.append(right ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }
}
