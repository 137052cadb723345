package io.marquee.core.synth;

import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A generated data set with the look-ups the statistics tests need. */
final class GeneratedData {
    final GeneratorParams params;
    final RecordingSink rows;
    /** Events that are the second logging of an earlier one (same viewer, film and start). */
    final Set<Long> duplicateIds = new HashSet<>();
    /** Events whose watched minutes are absurd (negative or more than 5× runtime). */
    final Set<Long> absurdIds = new HashSet<>();
    final Map<Long, Double> truth = new HashMap<>();
    final Map<Long, Map<String, String>> answers = new HashMap<>();
    /** Original (non-duplicate) events per "user/movie" key, in time order. */
    final Map<String, List<WatchEvent>> viewsOf = new HashMap<>();

    GeneratedData(GeneratorParams params) {
        this.params = params;
        this.rows = RecordingSink.of(params);
        Set<String> seen = new HashSet<>();
        for (WatchEvent w : rows.watches) {
            if (!seen.add(w.userId() + "/" + w.movieId() + "/" + w.startedAt())) {
                duplicateIds.add(w.id());
                continue;
            }
            if (w.watchedMinutes() < 0 || w.watchedMinutes() > 5 * w.runtimeMinutes()) {
                absurdIds.add(w.id());
            }
            viewsOf.computeIfAbsent(w.userId() + "/" + w.movieId(), k -> new ArrayList<>()).add(w);
        }
        for (List<WatchEvent> views : viewsOf.values()) {
            views.sort((a, b) -> Long.compare(a.startedAt(), b.startedAt()));
        }
        for (DropoffTruth t : rows.truths) {
            truth.put(t.watchEventId(), t.probability());
        }
        for (SurveyResponse r : rows.survey) {
            answers.computeIfAbsent(r.userId(), k -> new HashMap<>()).put(r.question(), r.answer());
        }
    }

    /** Events that are neither duplicates nor absurd. */
    List<WatchEvent> cleanEvents() {
        return rows.watches.stream().filter(w -> !duplicateIds.contains(w.id()) && !absurdIds.contains(w.id())).toList();
    }

    /** Non-duplicate events. */
    List<WatchEvent> originalEvents() {
        return rows.watches.stream().filter(w -> !duplicateIds.contains(w.id())).toList();
    }

    /** The view a rating followed: the latest view of the film by the viewer started before the rating. */
    WatchEvent viewBefore(Rating r) {
        WatchEvent last = null;
        for (WatchEvent w : viewsOf.getOrDefault(r.userId() + "/" + r.movieId(), List.of())) {
            if (w.startedAt() < r.timestamp()) {
                last = w;
            }
        }
        return last;
    }

    double dropShare() {
        List<WatchEvent> events = originalEvents();
        return events.stream().filter(w -> !w.completed()).count() / (double) events.size();
    }

    long usersWithoutAge() {
        return rows.users.stream().filter(u -> u.age() == null).count();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    static List<User> users(GeneratedData d) {
        return d.rows.users;
    }
}
