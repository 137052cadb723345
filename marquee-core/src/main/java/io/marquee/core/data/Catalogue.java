package io.marquee.core.data;

import java.util.List;

/**
 * The films, by dense item index (the same index as {@link Interactions#items()}): title, year,
 * runtime and genres. Unknown years and runtimes are 0. Genres are small integer ids into
 * {@link #genreNames()}.
 */
public final class Catalogue {
    private final IdIndex items;
    private final String[] titles;
    private final int[] years;
    private final int[] runtimes;
    private final int[][] genres;
    private final List<String> genreNames;

    /** Takes ownership of the arrays, which are indexed by {@code items}. */
    public Catalogue(IdIndex items, String[] titles, int[] years, int[] runtimes, int[][] genres,
                     List<String> genreNames) {
        int n = items.size();
        if (titles.length != n || years.length != n || runtimes.length != n || genres.length != n) {
            throw new IllegalArgumentException("catalogue arrays must all have " + n + " entries");
        }
        this.items = items;
        this.titles = titles;
        this.years = years;
        this.runtimes = runtimes;
        this.genres = genres;
        this.genreNames = List.copyOf(genreNames);
    }

    /** Number of films. */
    public int size() {
        return items.size();
    }

    public IdIndex items() {
        return items;
    }

    public String title(int item) {
        return titles[item];
    }

    /** Release year, or 0 when unknown. */
    public int year(int item) {
        return years[item];
    }

    /** Running time in minutes, or 0 when unknown. */
    public int runtimeMinutes(int item) {
        return runtimes[item];
    }

    /** Genre ids of a film; read only. */
    public int[] genres(int item) {
        return genres[item];
    }

    /** Whether a film has a genre id. */
    public boolean hasGenre(int item, int genre) {
        for (int g : genres[item]) {
            if (g == genre) {
                return true;
            }
        }
        return false;
    }

    /** All genre names; a genre id is a position in this list. */
    public List<String> genreNames() {
        return genreNames;
    }

    /** Genre id of a name, or -1. */
    public int genreId(String name) {
        return genreNames.indexOf(name);
    }
}
