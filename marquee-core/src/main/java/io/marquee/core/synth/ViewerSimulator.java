package io.marquee.core.synth;

import static io.marquee.core.synth.GenerativeModel.BETA_CHAIN;
import static io.marquee.core.synth.GenerativeModel.BETA_DESKTOP;
import static io.marquee.core.synth.GenerativeModel.BETA_GROUP;
import static io.marquee.core.synth.GenerativeModel.BETA_LATE_NIGHT;
import static io.marquee.core.synth.GenerativeModel.BETA_LONG_FILM;
import static io.marquee.core.synth.GenerativeModel.BETA_MATCH;
import static io.marquee.core.synth.GenerativeModel.BETA_MOBILE;
import static io.marquee.core.synth.GenerativeModel.BETA_PATIENCE;
import static io.marquee.core.synth.GenerativeModel.BETA_QUALITY;
import static io.marquee.core.synth.GenerativeModel.BETA_REWATCH;
import static io.marquee.core.synth.GenerativeModel.BETA_RUNTIME;
import static io.marquee.core.synth.GenerativeModel.BETA_TABLET;
import static io.marquee.core.synth.GenerativeModel.BETA_WEEKDAY;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates one viewer at a time: draws the viewer's hidden traits, answers the survey, and plays
 * out the viewer's watch events, ratings and drop-offs, sending every row to the sink as it is
 * made. Only per-viewer scratch arrays are kept, so memory does not grow with the number of events.
 *
 * <p>Each viewer has its own random stream, seeded from the run's seed and the viewer's index
 * alone, split into sub-streams for traits, survey, events, ratings and dirty data. Hence a viewer's
 * rows do not depend on how viewers are batched, and changing a dirty-data share or a rating
 * probability leaves the viewers, films and viewing sessions as they were.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class ViewerSimulator {
    static final String[] DEVICES = {"tv", "mobile", "tablet", "desktop"};
    static final int TV = 0;
    static final int MOBILE = 1;
    static final int TABLET = 2;
    static final int DESKTOP = 3;
    private static final double[] DEVICE_POPULATION = {0.45, 0.25, 0.12, 0.18};
    private static final double[] DEVICE_YOUNG = {0.30, 0.40, 0.12, 0.18};
    private static final double[] DEVICE_MIDDLE = {0.50, 0.22, 0.12, 0.16};
    private static final double[] DEVICE_OLD = {0.60, 0.08, 0.18, 0.14};
    private static final double[] DEVICE_BETA = {0, BETA_MOBILE, BETA_TABLET, BETA_DESKTOP};

    private static final int[] AGE_LOW = {13, 18, 25, 35, 45, 55, 65};
    private static final int[] AGE_HIGH = {17, 24, 34, 44, 54, 64, 85};
    private static final double[] AGE_WEIGHTS = {0.04, 0.16, 0.24, 0.20, 0.16, 0.12, 0.08};
    private static final String[] AGE_BAND_IDS = {"under_18", "18_24", "25_34", "35_44", "45_54", "55_64",
        "65_plus"};

    private static final String[] GENDERS = {"M", "F", "X"};
    private static final double[] GENDER_WEIGHTS = {0.485, 0.485, 0.03};

    private static final String[] OCCUPATIONS = {"administrator", "artist", "doctor", "educator", "engineer",
        "entertainment", "executive", "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none",
        "other", "programmer", "retired", "salesman", "scientist", "student", "technician", "writer"};
    private static final double[] OCCUPATION_WEIGHTS = {8, 3, 1, 8, 8, 2, 4, 3, 2, 1.5, 1.5, 3, 2, 10, 7, 1, 1.5,
        3, 4, 3, 2.5};
    private static final int RETIRED = 15;
    private static final int STUDENT = 18;

    private static final String[] REGIONS = {"us-northeast", "us-midwest", "us-south", "us-west", "canada", "uk",
        "ireland", "australia", "new-zealand"};
    private static final double[] REGION_WEIGHTS = {17, 21, 38, 24, 8, 12, 2, 6, 1};

    private static final double[] PEOPLE_WEIGHTS = {0.40, 0.35, 0.11, 0.09, 0.03, 0.015, 0.005};

    /** Playback starts per hour of day on weekdays (relative); evening peak at 20–22h. */
    static final double[] WEEKDAY_HOURS = {2.0, 1.0, 0.5, 0.25, 0.15, 0.15, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1,
        1.1, 1.0, 1.1, 1.4, 2.0, 3.2, 5.0, 7.5, 8.0, 6.0, 3.8};
    /** Weekend profile: the weekday one with daytime (10–17h) doubled. */
    static final double[] WEEKEND_HOURS = weekendHours();
    /** Relative activity by day of week, Monday first; Friday to Sunday busiest. */
    static final double[] WEEKDAY_WEIGHTS = {0.85, 0.85, 0.9, 0.95, 1.2, 1.35, 1.25};
    private static final double MAX_WEEKDAY_WEIGHT = 1.35;

    /** Mean share of the period a viewer is subscribed: half join on day 0, half uniformly in the first 75 %. */
    private static final double MEAN_ACTIVE_FRACTION = 0.5 + 0.5 * (1 - 0.375);
    private static final int MAX_SESSION_FILMS = 6;
    private static final int CHOICE_ATTEMPTS = 64;
    private static final double OPTIONAL_SKIP = 0.08;

    private final GeneratorParams params;
    private final FilmCatalogue films;
    private final int rank;
    private final long userSeedBase;
    private final long periodStart;
    private final long periodSeconds;
    private final int startDow;
    private final double[] weekdayHoursCumulative;
    private final double[] weekendHoursCumulative;

    // per-film stamps: watchedStamp[i] == stamp means the current viewer has seen film i
    private final int[] watchedStamp;
    private final int[] ratedStamp;
    private int stamp;
    private int[] completedFilms = new int[32];
    private int completedCount;
    private long[] sessions = new long[64];

    private long nextEventId;

    // traits of the current viewer
    private final double[] affinity = new double[Genres.COUNT];
    private final double[] taste;
    private final double[] scratch;
    private int age;
    private double userBias;
    private double patience;
    private double longFilmTaste;
    private int joinDay;
    private int events;
    private double peakHour;
    private int preferredDevice;
    private double binge;
    private double rewatch;
    private int people;
    private double raterPropensity;

    ViewerSimulator(GeneratorParams params, FilmCatalogue films, long firstEventId) {
        this.params = params;
        this.films = films;
        this.rank = params.latentRank();
        this.userSeedBase = RandomDraws.mix64(params.seed() ^ 0x5EEDF00DCAFEL);
        this.periodStart = params.startDate().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        this.periodSeconds = params.days() * 86_400L;
        this.startDow = params.startDate().getDayOfWeek().getValue() - 1;
        this.weekdayHoursCumulative = cumulative(WEEKDAY_HOURS);
        this.weekendHoursCumulative = cumulative(WEEKEND_HOURS);
        this.watchedStamp = new int[films.size];
        this.ratedStamp = new int[films.size];
        this.taste = new double[rank];
        this.scratch = new double[rank];
        this.nextEventId = firstEventId;
    }

    /** The latent taste vector p_u of the viewer simulated last (for tests of the model). */
    double[] lastTaste() {
        return taste.clone();
    }

    /** Simulates the viewer of index {@code u} (id u + 1) and sends the viewer's rows to the sink. */
    void simulate(int u, DataSink sink) {
        SplittableRandom base = new SplittableRandom(RandomDraws.mix64(userSeedBase + (u + 1L) * 0x9E3779B97F4A7C15L));
        SplittableRandom traitRng = base.split();
        SplittableRandom surveyRng = base.split();
        SplittableRandom eventRng = base.split();
        SplittableRandom ratingRng = base.split();
        SplittableRandom dirtyRng = base.split();
        stamp = u + 1;
        completedCount = 0;
        long userId = u + 1L;

        User user = drawTraits(userId, traitRng, dirtyRng);
        sink.user(user);
        answerSurvey(userId, surveyRng, sink);
        playEvents(userId, eventRng, ratingRng, dirtyRng, sink);
    }

    // ---------------------------------------------------------------- traits

    private User drawTraits(long userId, SplittableRandom rng, SplittableRandom dirty) {
        int band = RandomDraws.weighted(rng, AGE_WEIGHTS);
        age = AGE_LOW[band] + rng.nextInt(AGE_HIGH[band] - AGE_LOW[band] + 1);
        String gender = GENDERS[RandomDraws.weighted(rng, GENDER_WEIGHTS)];
        String occupation;
        if (age < 18) {
            occupation = OCCUPATIONS[STUDENT];
        } else if (age < 23 && rng.nextDouble() < 0.7) {
            occupation = OCCUPATIONS[STUDENT];
        } else if (age >= 67 && rng.nextDouble() < 0.75) {
            occupation = OCCUPATIONS[RETIRED];
        } else {
            occupation = OCCUPATIONS[RandomDraws.weighted(rng, OCCUPATION_WEIGHTS)];
        }
        String region = REGIONS[RandomDraws.weighted(rng, REGION_WEIGHTS)];

        // genre affinities: noise + age effects + two favourite genres
        double young = clamp((35.0 - age) / 20.0, 0, 1);
        double old = clamp((age - 45.0) / 25.0, 0, 1);
        double kid = age < 18 ? 1 : 0;
        double parent = age >= 30 && age < 45 ? 1 : 0;
        for (int g = 0; g < Genres.COUNT; g++) {
            affinity[g] = 0.3 * RandomDraws.normal(rng);
        }
        affinity[Genres.ACTION] += 0.4 * young;
        affinity[Genres.HORROR] += 0.5 * young - 0.4 * old;
        affinity[Genres.SCI_FI] += 0.4 * young;
        affinity[Genres.COMEDY] += 0.3 * young;
        affinity[Genres.ANIMATION] += 0.2 * young + 0.9 * kid + 0.2 * parent;
        affinity[Genres.THRILLER] += 0.2 * young;
        affinity[Genres.DRAMA] += 0.4 * old;
        affinity[Genres.DOCUMENTARY] += 0.5 * old;
        affinity[Genres.WAR] += 0.4 * old;
        affinity[Genres.WESTERN] += 0.4 * old;
        affinity[Genres.FILM_NOIR] += 0.4 * old;
        affinity[Genres.MUSICAL] += 0.3 * old;
        affinity[Genres.CHILDREN] += 0.9 * kid + 0.3 * parent;
        affinity[Genres.FANTASY] += 0.3 * kid;
        double[] favouriteWeights = new double[Genres.COUNT];
        for (int g = 0; g < Genres.COUNT; g++) {
            favouriteWeights[g] = Math.sqrt(Genres.PREVALENCE[g]);
        }
        for (int f = 0; f < 2; f++) {
            int g = RandomDraws.weighted(rng, favouriteWeights);
            favouriteWeights[g] = 0;
            affinity[g] += 1.3;
        }
        // p_u = strength·normalize(Σ (a_g − mean a)·G_g) + noise of total sd 0.3: centring the
        // affinities makes p_u a contrast between genres, so that match has mean about 0
        double meanAffinity = 0;
        for (int g = 0; g < Genres.COUNT; g++) {
            meanAffinity += affinity[g];
        }
        meanAffinity /= Genres.COUNT;
        Arrays.fill(scratch, 0);
        for (int g = 0; g < Genres.COUNT; g++) {
            for (int d = 0; d < rank; d++) {
                scratch[d] += (affinity[g] - meanAffinity) * films.genreDirection[g * rank + d];
            }
        }
        double norm = Math.max(1e-9, FilmCatalogue.norm(scratch));
        double strength = 0.6 + 0.8 * rng.nextDouble();
        double noise = 0.3 / Math.sqrt(rank);
        for (int d = 0; d < rank; d++) {
            taste[d] = strength * scratch[d] / norm + noise * RandomDraws.normal(rng);
        }
        userBias = GenerativeModel.USER_BIAS_SD * RandomDraws.normal(rng);
        patience = 0.95 * RandomDraws.normal(rng) + 0.25 * clamp((age - 40.0) / 20.0, -1, 1.5);
        longFilmTaste = 0.3 * patience + 0.95 * RandomDraws.normal(rng);

        double activity = RandomDraws.lognormalMeanOne(rng, 0.9);
        joinDay = rng.nextDouble() < 0.5 ? 0 : (int) (rng.nextDouble() * 0.75 * params.days());
        double activeFraction = (params.days() - joinDay) / (double) params.days();
        double expected = params.meanEventsPerUser() * activity * activeFraction / MEAN_ACTIVE_FRACTION;
        events = Math.max(1, (int) Math.floor(expected + rng.nextDouble()));

        double kind = rng.nextDouble();
        if (kind < 0.80) {
            peakHour = RandomDraws.normal(rng, 20.3, 0.9);
        } else if (kind < 0.88) {
            peakHour = RandomDraws.normal(rng, 23.6, 0.9);
        } else {
            peakHour = RandomDraws.normal(rng, 14.0, 2.5);
        }
        preferredDevice = RandomDraws.weighted(rng, age < 25 ? DEVICE_YOUNG : age < 55 ? DEVICE_MIDDLE : DEVICE_OLD);
        double b = rng.nextDouble();
        binge = 0.05 + 0.45 * b * b;
        double r = rng.nextDouble();
        rewatch = 0.12 * r * r;
        people = 1 + RandomDraws.weighted(rng, PEOPLE_WEIGHTS);
        raterPropensity = RandomDraws.lognormalMeanOne(rng, 0.6);

        boolean missingAge = dirty.nextDouble() < params.missingAgeShare();
        return new User(userId, missingAge ? null : age, gender, occupation, region);
    }

    // ---------------------------------------------------------------- survey

    private void answerSurvey(long userId, SplittableRandom rng, DataSink sink) {
        // favourite genres: the top 1–3 genre affinities a_g (from which p_u is built) + noise,
        // listed in the survey's choice order
        double[] score = new double[Genres.COUNT];
        for (int g = 0; g < Genres.COUNT; g++) {
            score[g] = affinity[g] + 0.4 * RandomDraws.normal(rng);
        }
        double c = rng.nextDouble();
        int count = c < 0.2 ? 1 : c < 0.55 ? 2 : 3;
        boolean[] picked = new boolean[Genres.COUNT];
        for (int k = 0; k < count; k++) {
            int best = -1;
            for (int g = 0; g < Genres.COUNT; g++) {
                if (!picked[g] && (best < 0 || score[g] > score[best])) {
                    best = g;
                }
            }
            picked[best] = true;
        }
        StringBuilder genres = new StringBuilder();
        for (int g = 0; g < Genres.COUNT; g++) {
            if (picked[g]) {
                if (genres.length() > 0) {
                    genres.append('|');
                }
                genres.append(Genres.CHOICE_IDS[g]);
            }
        }
        sink.survey(new SurveyResponse(userId, "favourite_genres", genres.toString()));

        double perDay = events / (double) (params.days() - joinDay);
        double hours = Math.min(100, Math.round(perDay * 7 * 1.6 * RandomDraws.lognormalMeanOne(rng, 0.4) * 10) / 10.0);
        sink.survey(new SurveyResponse(userId, "weekly_hours", String.format(Locale.ROOT, "%.1f", hours)));

        double sessionMinutes = 105 * (1 + binge / (1 - binge)) * (0.7 + 0.3 * RandomDraws.sigmoid(patience));
        int sessionBand = sessionMinutes < 60 ? 0 : sessionMinutes < 120 ? 1 : sessionMinutes < 180 ? 2 : 3;
        if (rng.nextDouble() < 0.15) {
            sessionBand = clampInt(sessionBand + (rng.nextBoolean() ? 1 : -1), 0, 3);
        }
        optional(userId, "session_length", new String[] {"under_1h", "1_to_2h", "2_to_3h", "over_3h"}[sessionBand],
                rng, sink);

        int device = rng.nextDouble() < 0.85 ? preferredDevice : rng.nextInt(DEVICES.length);
        sink.survey(new SurveyResponse(userId, "usual_device", DEVICES[device]));

        String time;
        if (rng.nextDouble() < 0.85) {
            int h = Math.floorMod((int) Math.round(peakHour), 24);
            time = h >= 5 && h < 12 ? "morning" : h >= 12 && h < 17 ? "afternoon" : h >= 17 && h < 23 ? "evening"
                    : "late_night";
        } else {
            time = new String[] {"morning", "afternoon", "evening", "late_night"}[rng.nextInt(4)];
        }
        sink.survey(new SurveyResponse(userId, "preferred_time", time));

        boolean finishes = rng.nextDouble() < RandomDraws.sigmoid(0.4 + 1.3 * patience);
        sink.survey(new SurveyResponse(userId, "finishes_films", Boolean.toString(finishes)));

        int band = ageBand(age);
        if (rng.nextDouble() < 0.05) {
            band = clampInt(band + (rng.nextBoolean() ? 1 : -1), 0, AGE_BAND_IDS.length - 1);
        }
        sink.survey(new SurveyResponse(userId, "age_band", AGE_BAND_IDS[band]));

        boolean subtitles = rng.nextDouble() < RandomDraws.sigmoid(0.3 + 0.6 * patience);
        optional(userId, "subtitles_ok", Boolean.toString(subtitles), rng, sink);

        boolean longFilms = rng.nextDouble() < RandomDraws.sigmoid(-0.3 + 1.5 * longFilmTaste);
        optional(userId, "likes_long_films", Boolean.toString(longFilms), rng, sink);

        int rw = rewatch < 0.02 ? 0 : rewatch < 0.06 ? 1 : 2;
        if (rng.nextDouble() < 0.15) {
            rw = rng.nextInt(3);
        }
        optional(userId, "rewatches_favourites", new String[] {"never", "sometimes", "often"}[rw], rng, sink);

        int saidPeople = people;
        if (rng.nextDouble() < 0.1) {
            saidPeople = clampInt(people + (rng.nextBoolean() ? 1 : -1), 1, 10);
        }
        optional(userId, "people_watching", Integer.toString(saidPeople), rng, sink);

        int lastMonth = Math.min(200, RandomDraws.poisson(rng, perDay * 30 * RandomDraws.lognormalMeanOne(rng, 0.3)));
        optional(userId, "films_last_month", Integer.toString(lastMonth), rng, sink);
    }

    private static void optional(long userId, String question, String answer, SplittableRandom rng, DataSink sink) {
        if (rng.nextDouble() >= OPTIONAL_SKIP) {
            sink.survey(new SurveyResponse(userId, question, answer));
        }
    }

    static int ageBand(int age) {
        for (int b = AGE_LOW.length - 1; b >= 0; b--) {
            if (age >= AGE_LOW[b]) {
                return b;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- events

    private void playEvents(long userId, SplittableRandom rng, SplittableRandom ratingRng, SplittableRandom dirty,
                            DataSink sink) {
        // viewing sessions of 1..6 films, each starting at a time drawn from the daily and weekly rhythm
        int nSessions = 0;
        for (int made = 0; made < events; ) {
            int k = 1 + RandomDraws.geometric(rng, binge, MAX_SESSION_FILMS - 1);
            long start = sessionStart(rng);
            k = Math.min(Math.min(k, filmsBeforeBedtime(start)), events - made);
            if (nSessions == sessions.length) {
                sessions = Arrays.copyOf(sessions, nSessions * 2);
            }
            sessions[nSessions++] = (start << 3) | (k - 1);
            made += k;
        }
        Arrays.sort(sessions, 0, nSessions);

        for (int s = 0; s < nSessions; s++) {
            long t = sessions[s] >>> 3;
            int k = (int) (sessions[s] & 7) + 1;
            for (int j = 0; j < k && t < periodSeconds; j++) {
                t = playOne(userId, t, j, rng, ratingRng, dirty, sink);
            }
        }
    }

    /**
     * Most films a session starting at {@code start} holds if it is to end around 01:00: one, plus
     * one per two hours left until then (a film and the pause after it take about two hours).
     */
    private static int filmsBeforeBedtime(long start) {
        long second = start % 86_400L;
        long left = second < 6 * 3_600L ? Math.max(0, 3_600L - second) : 25 * 3_600L - second;
        return 1 + (int) (left / 7_200L);
    }

    /** A session start in seconds from the period start, after the viewer joined. */
    private long sessionStart(SplittableRandom rng) {
        int span = params.days() - joinDay;
        int day;
        int dow;
        do {
            day = joinDay + rng.nextInt(span);
            dow = (startDow + day) % 7;
        } while (rng.nextDouble() * MAX_WEEKDAY_WEIGHT >= WEEKDAY_WEIGHTS[dow]);
        boolean weekend = dow >= 5;
        int hour;
        if (rng.nextDouble() < (weekend ? 0.5 : 0.7)) {
            hour = Math.floorMod((int) Math.round(RandomDraws.normal(rng, peakHour, 1.1)), 24);
        } else {
            hour = pickCumulative(rng, weekend ? weekendHoursCumulative : weekdayHoursCumulative);
        }
        return day * 86_400L + hour * 3_600L + rng.nextInt(3_600);
    }

    /** Plays one film starting at {@code t}; returns when the next film of the session may start. */
    private long playOne(long userId, long t, int positionInSession, SplittableRandom rng,
                         SplittableRandom ratingRng, SplittableRandom dirty, DataSink sink) {
        // choose the film: a rewatch of a completed film, or popularity × taste by rejection
        int film;
        boolean wantRewatch = completedCount > 0 && rng.nextDouble() < rewatch;
        double dot;
        if (wantRewatch) {
            film = completedFilms[rng.nextInt(completedCount)];
            dot = films.dot(taste, film);
        } else {
            film = -1;
            dot = 0;
            for (int attempt = 0; attempt < CHOICE_ATTEMPTS; attempt++) {
                int candidate = films.popularityTable.sample(rng);
                boolean seen = watchedStamp[candidate] == stamp;
                double d = films.dot(taste, candidate);
                film = candidate;
                dot = d;
                if (seen && attempt < CHOICE_ATTEMPTS - 1) {
                    continue;
                }
                double accept = RandomDraws.sigmoid(GenerativeModel.CHOICE_SLOPE * d / GenerativeModel.MATCH_SCALE
                        + GenerativeModel.CHOICE_OFFSET);
                if (rng.nextDouble() < accept) {
                    break;
                }
            }
        }
        boolean seenBefore = watchedStamp[film] == stamp;
        watchedStamp[film] = stamp;
        double match = dot / GenerativeModel.MATCH_SCALE;

        int secondOfDay = (int) (t % 86_400L);
        int hour = secondOfDay / 3_600;
        int dow = (int) ((startDow + t / 86_400L) % 7);
        boolean late = hour >= 23 || hour < 5;
        int device;
        if (late && rng.nextDouble() < 0.3) {
            device = MOBILE; // in bed with the phone
        } else if (rng.nextDouble() < 0.75) {
            device = preferredDevice;
        } else {
            device = RandomDraws.weighted(rng, DEVICE_POPULATION);
        }

        int runtime = films.runtimes[film];
        double x = params.dropoffIntercept()
                + (BETA_RUNTIME - BETA_LONG_FILM * longFilmTaste) * (runtime - 100) / 30.0
                - BETA_MATCH * match
                - BETA_PATIENCE * patience
                - BETA_QUALITY * films.qualityZ[film]
                + (late ? BETA_LATE_NIGHT : 0)
                + DEVICE_BETA[device]
                + (seenBefore ? BETA_REWATCH : 0)
                + (dow < 4 ? BETA_WEEKDAY : 0)
                + (positionInSession > 0 ? BETA_CHAIN : 0)
                + (people >= 2 && device == TV ? GenerativeModel.BETA_GROUP : 0);
        double p = RandomDraws.sigmoid(x);
        boolean dropped = rng.nextDouble() < p;
        double u = rng.nextDouble();
        // dropped: 2–88 % of the runtime, early drops most likely; completed: 90–100 %, mostly near the end
        double fraction = dropped ? 0.02 + 0.86 * Math.pow(u, 1.8) : 1.0 - 0.1 * u * u;
        float watched = (float) (Math.round(runtime * fraction * 10) / 10.0);
        long startedAt = periodStart + t;
        if (!dropped) {
            if (completedCount == completedFilms.length) {
                completedFilms = Arrays.copyOf(completedFilms, completedCount * 2);
            }
            if (!seenBefore || !contains(completedFilms, completedCount, film)) {
                completedFilms[completedCount++] = film;
            }
        }

        // dirty data: its own stream, always the same number of draws per event
        double absurdDraw = dirty.nextDouble();
        double absurdSide = dirty.nextDouble();
        double absurdSize = dirty.nextDouble();
        double duplicateDraw = dirty.nextDouble();
        float logged = watched;
        if (absurdDraw < params.absurdDurationShare()) {
            logged = absurdSide < 0.5
                    ? (float) -(Math.round((1 + 119 * absurdSize) * 10) / 10.0)
                    : (float) (Math.round(runtime * (5.5 + 14.5 * absurdSize) * 10) / 10.0);
        }

        long id = nextEventId++;
        String deviceName = DEVICES[device];
        sink.watch(new WatchEvent(id, userId, film + 1L, startedAt, logged, runtime, deviceName, !dropped));
        sink.dropoffTruth(new DropoffTruth(id, p));

        long watchedSeconds = Math.round(runtime * fraction * 60);
        if (ratedStamp[film] != stamp) {
            double chance = Math.min(0.95, raterPropensity
                    * (dropped ? params.ratingProbabilityDropped() : params.ratingProbabilityCompleted()));
            if (ratingRng.nextDouble() < chance) {
                double value = GenerativeModel.RATING_MEAN + userBias + films.bias[film] + dot
                        + (dropped ? GenerativeModel.RATING_OFFSET_DROPPED : GenerativeModel.RATING_OFFSET_COMPLETED)
                        + params.ratingNoise() * RandomDraws.normal(ratingRng);
                float stars = (float) Math.max(1, Math.min(5, Math.round(value)));
                ratedStamp[film] = stamp;
                sink.rating(new Rating(userId, film + 1L, stars, startedAt + watchedSeconds + 30
                        + ratingRng.nextInt(1_800)));
            }
        }

        if (duplicateDraw < params.duplicateEventShare()) {
            long dupId = nextEventId++;
            sink.watch(new WatchEvent(dupId, userId, film + 1L, startedAt, logged, runtime, deviceName, !dropped));
            sink.dropoffTruth(new DropoffTruth(dupId, p));
        }
        return t + watchedSeconds + 60 + rng.nextInt(840);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static double[] weekendHours() {
        double[] h = WEEKDAY_HOURS.clone();
        for (int i = 10; i <= 17; i++) {
            h[i] *= 2;
        }
        return h;
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    private static int pickCumulative(SplittableRandom rng, double[] cumulative) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int clampInt(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
