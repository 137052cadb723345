package io.marquee.predict.dropoff;

/**
 * The drop-off prediction for one film.
 *
 * @param filmId      the film's id
 * @param probability calibrated probability that the viewer abandons the film before the
 *                    drop threshold (90 % of the runtime by default)
 * @param dropOff     whether the probability reaches the model's decision threshold
 * @param label       {@code drop_off} or {@code complete}
 */
public record FilmPrediction(long filmId, double probability, boolean dropOff, String label) {
}
