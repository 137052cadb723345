package io.marquee.core.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The MovieLens distributions Marquee reads, told apart by their file names.
 */
public enum MovieLensFormat {
    /**
     * MovieLens 100K (1998): {@code u.data} (tab-separated), {@code u.item}, {@code u.user},
     * {@code u.genre}, optional {@code u.occupation} ({@code |}-separated); ISO-8859-1.
     */
    ML_100K("movielens-100k", "MovieLens 100K", StandardCharsets.ISO_8859_1,
            List.of("u.genre", "u.item", "u.occupation", "u.user", "u.data"), Set.of("u.occupation")),
    /**
     * MovieLens 1M (2003): {@code movies.dat}, {@code users.dat}, {@code ratings.dat}, fields
     * separated by {@code ::}; ISO-8859-1.
     */
    ML_1M("movielens-1m", "MovieLens 1M", StandardCharsets.ISO_8859_1,
            List.of("movies.dat", "users.dat", "ratings.dat"), Set.of()),
    /**
     * MovieLens latest, latest-small, 20M, 25M, 32M: {@code movies.csv} and {@code ratings.csv}
     * with a header row; UTF-8; no viewer file.
     */
    ML_LATEST("movielens-latest", "MovieLens latest/20M/25M", StandardCharsets.UTF_8,
            List.of("movies.csv", "ratings.csv"), Set.of());

    private final String id;
    private final String label;
    private final Charset charset;
    private final List<String> files;
    private final Set<String> optional;

    MovieLensFormat(String id, String label, Charset charset, List<String> files, Set<String> optional) {
        this.id = id;
        this.label = label;
        this.charset = charset;
        this.files = files;
        this.optional = optional;
    }

    /** The import kind recorded in the {@code imports} table, e.g. {@code movielens-100k}. */
    public String id() {
        return id;
    }

    /** A human name, e.g. {@code MovieLens 1M}. */
    public String label() {
        return label;
    }

    /** The text encoding of the distribution's files. */
    public Charset charset() {
        return charset;
    }

    /** Every file this format reads, in the order it reads them (optional ones included). */
    public List<String> files() {
        return files;
    }

    /** The files that must be present, in the order they are read. */
    public List<String> requiredFiles() {
        return files.stream().filter(f -> !optional.contains(f)).toList();
    }

    /** Whether the format can do without {@code file}. */
    public boolean isOptional(String file) {
        return optional.contains(file);
    }

    /** The ratings file, read last; its presence identifies the format. */
    String marker() {
        return files.get(files.size() - 1);
    }

    /** The format whose ratings file is among {@code names}, or {@code null}. */
    static MovieLensFormat detect(Set<String> names) {
        for (MovieLensFormat f : values()) {
            if (names.contains(f.marker())) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
