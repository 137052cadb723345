package io.marquee.core.importer;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything sent to it, in order, for tests of readers. */
final class RecordingSink implements DataSink {
    final List<Movie> movies = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Rating> ratings = new ArrayList<>();
    final List<WatchEvent> watches = new ArrayList<>();
    final List<SurveyResponse> surveys = new ArrayList<>();
    /** Every record in the order received. */
    final List<Object> all = new ArrayList<>();

    @Override
    public void movie(Movie movie) {
        movies.add(movie);
        all.add(movie);
    }

    @Override
    public void user(User user) {
        users.add(user);
        all.add(user);
    }

    @Override
    public void survey(SurveyResponse response) {
        surveys.add(response);
        all.add(response);
    }

    @Override
    public void rating(Rating rating) {
        ratings.add(rating);
        all.add(rating);
    }

    @Override
    public void watch(WatchEvent event) {
        watches.add(event);
        all.add(event);
    }

    @Override
    public void dropoffTruth(DropoffTruth truth) {
        all.add(truth);
    }

    Movie movie(long id) {
        return movies.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    User user(long id) {
        return users.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }
}
