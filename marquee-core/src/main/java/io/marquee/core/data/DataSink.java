package io.marquee.core.data;

import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;

/**
 * Where importers and the generator send what they read or make: a database
 * ({@link io.marquee.core.store.DatabaseSink}) or memory ({@link DatasetBuilder}).
 *
 * <p>Producers send a film before any rating or watch event of it, and a viewer before any of the
 * viewer's survey answers, ratings or watch events; a watch event comes before its truth row.
 */
public interface DataSink {
    void movie(Movie movie);

    void user(User user);

    void survey(SurveyResponse response);

    void rating(Rating rating);

    void watch(WatchEvent event);

    void dropoffTruth(DropoffTruth truth);

    /** Writes out anything buffered. Called once at the end; the default does nothing. */
    default void flush() {
    }
}
