package io.marquee.core.synth;

/**
 * The fixed coefficients of the synthetic generator's model: how drop-offs, ratings and film
 * choices depend on the hidden traits of viewers and films. The knobs a run may change are in
 * {@link GeneratorParams}; these constants are the model itself, explained with their equations in
 * {@code docs/generator.md}. They are public so that experiments can compare what a predictor
 * learned with the truth.
 *
 * <p>The drop-off logit of a watch event is
 * <pre>
 * logit p = β0
 *         + (β_runtime − β_longFilm·τ_u) · (runtime − 100) / 30
 *         − β_match · match(u, i)
 *         − β_patience · patience_u
 *         − β_quality · b_i / σ_item
 *         + β_lateNight · [start hour in 23..4]
 *         + β_device(device)
 *         + β_rewatch · [viewer saw the film before]
 *         + β_weekday · [Monday to Thursday]
 *         + β_chain · [not the first film of a viewing session]
 *         + β_group · [people watching ≥ 2 and device is tv]
 * </pre>
 * with {@code match(u, i) = p_u·q_i / MATCH_SCALE} and β0 = {@link GeneratorParams#dropoffIntercept()}.
 *
 * <p>A rating is {@code round(clip(μ + b_u + b_i + p_u·q_i + offset + ε, 1, 5))} with ε ~ N(0,
 * {@link GeneratorParams#ratingNoise()}²) and the offset {@link #RATING_OFFSET_COMPLETED} or
 * {@link #RATING_OFFSET_DROPPED}.
 */
public final class GenerativeModel {
    /** β_runtime: added per 30 minutes of runtime above 100. */
    public static final double BETA_RUNTIME = 0.45;
    /** β_longFilm: how much a viewer's liking of long films (τ_u ~ N(0,1)) offsets the runtime effect. */
    public static final double BETA_LONG_FILM = 0.25;
    /** β_match: per standard deviation of taste match. */
    public static final double BETA_MATCH = 0.6;
    /** β_patience: per standard deviation of the viewer's patience. */
    public static final double BETA_PATIENCE = 0.7;
    /** β_quality: per standard deviation of the film's rating bias b_i. */
    public static final double BETA_QUALITY = 0.3;
    /** β_lateNight: playback started between 23:00 and 04:59. */
    public static final double BETA_LATE_NIGHT = 0.5;
    /** β_device for mobile. */
    public static final double BETA_MOBILE = 0.5;
    /** β_device for tablet. */
    public static final double BETA_TABLET = 0.25;
    /** β_device for desktop (tv is the reference, 0). */
    public static final double BETA_DESKTOP = 0.1;
    /** β_rewatch: the viewer has watched this film before. */
    public static final double BETA_REWATCH = -0.6;
    /** β_weekday: playback started Monday to Thursday. */
    public static final double BETA_WEEKDAY = 0.2;
    /** β_chain: second or later film of a viewing session (fatigue). */
    public static final double BETA_CHAIN = 0.3;
    /** β_group: watched on a TV with others (people watching ≥ 2). */
    public static final double BETA_GROUP = -0.25;

    /**
     * Scale that turns the raw taste product p_u·q_i into "match" with standard deviation about 1
     * over random viewer–film pairs (sd(p·q) measured 0.355 at rank 8 on 2,000 viewers × 500 films;
     * {@code SyntheticGeneratorTest} checks it stays within 0.85–1.15 after scaling).
     */
    public static final double MATCH_SCALE = 0.35;

    /** Film choice: a proposed film is accepted with probability σ(slope·match + offset). */
    public static final double CHOICE_SLOPE = 2.5;
    /** Film choice offset (see {@link #CHOICE_SLOPE}). */
    public static final double CHOICE_OFFSET = -1.0;

    /** μ: global rating level before rounding. */
    public static final double RATING_MEAN = 2.85;
    /** sd of the viewer rating bias b_u. */
    public static final double USER_BIAS_SD = 0.40;
    /** sd of the film rating bias b_i (before the popularity term). */
    public static final double ITEM_BIAS_SD = 0.35;
    /** Popular films are rated a little higher: b_i += this × z(log popularity). */
    public static final double ITEM_BIAS_POPULARITY = 0.12;
    /** Added to a rating given after a completed view. */
    public static final double RATING_OFFSET_COMPLETED = 0.25;
    /** Added to a rating given after a dropped view. */
    public static final double RATING_OFFSET_DROPPED = -0.6;

    private GenerativeModel() {
    }
}
