package io.marquee.core.synth;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every row sent to it, per kind and in one list in call order. */
final class RecordingSink implements DataSink {
    final List<Object> calls = new ArrayList<>();
    final List<Movie> movies = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<SurveyResponse> survey = new ArrayList<>();
    final List<Rating> ratings = new ArrayList<>();
    final List<WatchEvent> watches = new ArrayList<>();
    final List<DropoffTruth> truths = new ArrayList<>();

    static RecordingSink of(GeneratorParams params) {
        RecordingSink sink = new RecordingSink();
        SyntheticGenerator.generate(params, sink, null);
        return sink;
    }

    @Override
    public void movie(Movie movie) {
        calls.add(movie);
        movies.add(movie);
    }

    @Override
    public void user(User user) {
        calls.add(user);
        users.add(user);
    }

    @Override
    public void survey(SurveyResponse response) {
        calls.add(response);
        survey.add(response);
    }

    @Override
    public void rating(Rating rating) {
        calls.add(rating);
        ratings.add(rating);
    }

    @Override
    public void watch(WatchEvent event) {
        calls.add(event);
        watches.add(event);
    }

    @Override
    public void dropoffTruth(DropoffTruth truth) {
        calls.add(truth);
        truths.add(truth);
    }
}
