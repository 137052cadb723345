package io.marquee.core.store;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.util.List;

/** A small hand-made data set touching every table. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static void small(DataSink sink) {
        sink.movie(new Movie(10, "Toy Story", 1995, 81, List.of("Animation", "Children", "Comedy")));
        sink.movie(new Movie(20, "Misérables, Les", 1995, null, List.of("Drama")));
        sink.movie(new Movie(30, "unknown", null, null, List.of()));
        sink.user(new User(1, 24, "M", "technician", "85711"));
        sink.user(new User(2, null, "F", null, null));
        sink.survey(new SurveyResponse(1, "finishes_films", "true"));
        sink.survey(new SurveyResponse(1, "favourite_genres", "comedy|drama"));
        sink.rating(new Rating(1, 10, 5f, 881250949L));
        sink.rating(new Rating(1, 20, 3f, 881250950L));
        sink.rating(new Rating(2, 10, 4.5f, 891717742L));
        sink.watch(new WatchEvent(100, 1, 10, 881250000L, 81f, 81, "tv", true));
        sink.watch(new WatchEvent(101, 2, 20, 891717000L, 12.5f, 120, "mobile", false));
        sink.dropoffTruth(new DropoffTruth(100, 0.12));
        sink.dropoffTruth(new DropoffTruth(101, 0.71));
    }
}
