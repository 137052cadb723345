package io.marquee.core.domain;

import io.marquee.core.error.InvalidInputException;
import java.util.List;

/**
 * A film of the catalogue.
 *
 * @param id              the service's own id for the film
 * @param title           title without the trailing "(year)" MovieLens appends
 * @param year            release year, or {@code null} when unknown
 * @param runtimeMinutes  running time, or {@code null} when unknown (MovieLens has none)
 * @param genres          genre names, in the source's order; empty when unknown
 */
public record Movie(long id, String title, Integer year, Integer runtimeMinutes, List<String> genres) {
    public Movie {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("movie " + id + ": title must not be blank, was '" + title + "'");
        }
        if (year != null && (year < 1870 || year > 2100)) {
            throw InvalidInputException.of("movie " + id + " year", year, "between 1870 and 2100");
        }
        if (runtimeMinutes != null && runtimeMinutes <= 0) {
            throw InvalidInputException.of("movie " + id + " runtime_minutes", runtimeMinutes, "positive");
        }
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
