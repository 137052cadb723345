package io.marquee.core.data;

import java.util.List;
import java.util.Map;

/**
 * The viewers, by dense user index (the same index as {@link Interactions#users()}): demographics
 * and survey answers. Unknown ages are -1; unknown text fields are {@code null}.
 */
public final class Viewers {
    private final IdIndex users;
    private final int[] ages;
    private final String[] genders;
    private final String[] occupations;
    private final String[] regions;
    private final List<Map<String, String>> survey;

    /** Takes ownership of the arrays, which are indexed by {@code users}. */
    public Viewers(IdIndex users, int[] ages, String[] genders, String[] occupations, String[] regions,
                   List<Map<String, String>> survey) {
        int n = users.size();
        if (ages.length != n || genders.length != n || occupations.length != n || regions.length != n
                || survey.size() != n) {
            throw new IllegalArgumentException("viewer arrays must all have " + n + " entries");
        }
        this.users = users;
        this.ages = ages;
        this.genders = genders;
        this.occupations = occupations;
        this.regions = regions;
        this.survey = List.copyOf(survey);
    }

    public int size() {
        return users.size();
    }

    public IdIndex users() {
        return users;
    }

    /** Age in years, or -1 when unknown. */
    public int age(int user) {
        return ages[user];
    }

    public String gender(int user) {
        return genders[user];
    }

    public String occupation(int user) {
        return occupations[user];
    }

    public String region(int user) {
        return regions[user];
    }

    /** Survey answers of a viewer by question id (empty when the viewer answered none). */
    public Map<String, String> survey(int user) {
        return survey.get(user);
    }
}
