package io.marquee.predict.dropoff;

import io.marquee.predict.table.ColumnSpec;
import io.marquee.predict.table.ColumnType;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The drop-off feature table: its schema and a column buffer that {@link #write}s one row per
 * (viewer, film, moment) from the state <em>before</em> that moment. The same code makes the
 * training rows (replaying the watch log in time order) and the serving rows (a viewer's state
 * now, or an empty history for a survey-only profile), so the two cannot drift apart.
 *
 * <p>Columns (see docs/dropoff.md for the reasoning):
 * <ul>
 *   <li>context: {@code started_at} (hour, weekday, month via the pipeline), {@code device},
 *       {@code device_is_usual};</li>
 *   <li>survey: the twelve answers ({@code s_*}), and how the film's genres meet the favourites
 *       ({@code s_fav_match}, {@code s_fav_primary});</li>
 *   <li>film: {@code f_runtime}, {@code f_year}, one {@code g_*} flag per genre, and from earlier
 *       views and ratings {@code f_popularity} (log view share), {@code f_completion} and
 *       {@code f_rating} (both smoothed towards the global mean);</li>
 *   <li>viewer history before the event ({@code h_*}): views, smoothed completion rate overall,
 *       in the film's genres and on long films, share of views in the film's genres, mean rating
 *       in those genres, days since the last view, minutes since it ended, place in the current
 *       session, whether the last view was abandoned, whether this film was seen or completed.</li>
 *   <li>context flags: {@code late_night}, {@code mon_thu}, {@code chain}, {@code tv_group};</li>
 *   <li>taste ({@code m_*}): the viewer folded into refitted rating, view and choice factors
 *       ({@link TasteFactors}, {@link ChoiceFactors}) from the viewer's ratings and views before
 *       the event ({@link TasteState});</li>
 *   <li>residuals: the viewer's earlier outcomes against the {@link ContextBaseline}
 *       ({@code h_resid*}), and the patience-related survey answers weighted by how little
 *       history there is ({@code h_prior_weight}, {@code *_x_w}).</li>
 * </ul>
 * A viewer without history has {@code h_views = 0}, rates at the global prior, and NaN (missing)
 * recency, which the pipeline imputes and flags.
 */
final class DropoffFeatures {
    static final int STARTED_AT = 0;
    static final int DEVICE = 1;
    static final int DEVICE_IS_USUAL = 2;
    static final int S_WEEKLY_HOURS = 3;
    static final int S_SESSION_LENGTH = 4;
    static final int S_USUAL_DEVICE = 5;
    static final int S_PREFERRED_TIME = 6;
    static final int S_FINISHES_FILMS = 7;
    static final int S_AGE_BAND = 8;
    static final int S_SUBTITLES_OK = 9;
    static final int S_LIKES_LONG_FILMS = 10;
    static final int S_REWATCHES = 11;
    static final int S_PEOPLE_WATCHING = 12;
    static final int S_FILMS_LAST_MONTH = 13;
    static final int S_FAV_COUNT = 14;
    static final int S_FAV_MATCH = 15;
    static final int S_FAV_PRIMARY = 16;
    static final int F_RUNTIME = 17;
    static final int F_YEAR = 18;
    static final int F_POPULARITY = 19;
    static final int F_COMPLETION = 20;
    static final int F_RATING = 21;
    static final int H_VIEWS = 22;
    static final int H_COMPLETION = 23;
    static final int H_GENRE_VIEWS = 24;
    static final int H_GENRE_SHARE = 25;
    static final int H_GENRE_COMPLETION = 26;
    static final int H_LONG_COMPLETION = 27;
    static final int H_GENRE_RATING = 28;
    static final int H_DAYS_SINCE_LAST = 29;
    static final int H_GAP_MINUTES = 30;
    static final int H_SESSION_POSITION = 31;
    static final int H_PREV_DROPPED = 32;
    static final int H_SEEN_FILM = 33;
    static final int H_COMPLETED_FILM = 34;
    static final int H_EXCESS = 35;
    static final int H_GENRE_EXCESS = 36;
    static final int H_RUNTIME_SLOPE = 37;
    static final int H_GENRE_LIFT = 38;
    static final int F_AUDIENCE_FAV = 39;
    static final int H_AUDIENCE_HIST = 40;
    static final int S_GENRE_AFFINITY = 41;
    static final int H_GENRE_AFFINITY = 42;
    static final int AGE = 43;
    static final int H_RUNTIME_EFFECT = 44;
    static final int S_LONG_X_RUNTIME = 45;
    static final int M_MATCH = 46;
    static final int M_USER_BIAS = 47;
    static final int M_FILM_BIAS = 48;
    static final int M_RATINGS = 49;
    static final int LATE_NIGHT = 50;
    static final int MON_THU = 51;
    static final int TV_GROUP = 52;
    static final int CHAIN = 53;
    static final int M_CHOICE = 54;
    static final int H_RESID = 55;
    static final int H_RESID_RUNTIME = 56;
    static final int H_RESID_EFFECT = 57;
    static final int H_PRIOR_WEIGHT = 58;
    static final int S_FINISHES_X_W = 59;
    static final int S_SESSION_X_W = 60;
    static final int S_SUBTITLES_X_W = 61;
    static final int AGE_X_W = 62;
    static final int S_LONG_X_W = 63;
    static final int M_PICK = 64;
    static final int GENRE0 = 65;

    private static final String[] NAMES = {"started_at", "device", "device_is_usual", "s_weekly_hours",
        "s_session_length", "s_usual_device", "s_preferred_time", "s_finishes_films", "s_age_band", "s_subtitles_ok",
        "s_likes_long_films", "s_rewatches", "s_people_watching", "s_films_last_month", "s_fav_count", "s_fav_match",
        "s_fav_primary", "f_runtime", "f_year", "f_popularity", "f_completion", "f_rating", "h_views",
        "h_completion", "h_genre_views", "h_genre_share", "h_genre_completion", "h_long_completion",
        "h_genre_rating", "h_days_since_last", "h_gap_minutes", "h_session_position", "h_prev_dropped",
        "h_seen_film", "h_completed_film", "h_excess", "h_genre_excess", "h_runtime_slope", "h_genre_lift",
        "f_audience_fav", "h_audience_hist", "s_genre_affinity", "h_genre_affinity", "age", "h_runtime_effect",
        "s_long_x_runtime", "m_match", "m_user_bias", "m_film_bias", "m_ratings", "late_night", "mon_thu",
        "tv_group", "chain", "m_choice", "h_resid", "h_resid_runtime", "h_resid_effect",
        "h_prior_weight", "s_finishes_x_w", "s_session_x_w", "s_subtitles_x_w", "age_x_w", "s_long_x_w", "m_pick"};

    private DropoffFeatures() {
    }

    /** The schema for a catalogue with these genres. */
    static Schema schema(List<String> genreNames) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (int c = 0; c < NAMES.length; c++) {
            ColumnType t;
            if (c == STARTED_AT) {
                t = ColumnType.TIMESTAMP;
            } else if (c == DEVICE || c == S_USUAL_DEVICE || c == S_PREFERRED_TIME) {
                t = ColumnType.CATEGORICAL;
            } else if (c == DEVICE_IS_USUAL || c == S_FINISHES_FILMS || c == S_SUBTITLES_OK || c == S_LIKES_LONG_FILMS
                    || c == S_FAV_PRIMARY || c == H_PREV_DROPPED || c == H_SEEN_FILM || c == H_COMPLETED_FILM
                    || c == LATE_NIGHT || c == MON_THU || c == TV_GROUP || c == CHAIN) {
                t = ColumnType.BOOLEAN;
            } else {
                t = ColumnType.NUMERIC;
            }
            cols.add(ColumnSpec.optional(NAMES[c], t));
        }
        for (String g : genreNames) {
            cols.add(ColumnSpec.optional("g_" + g.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"),
                    ColumnType.BOOLEAN));
        }
        return new Schema(cols);
    }

    /** Smoothing and session settings shared by training and serving. */
    record Settings(double completionPrior, double ratingPrior, double alpha, long sessionGapSeconds) {
    }

    /** Column arrays for {@code n} rows of a schema. */
    static final class Columns {
        final Schema schema;
        final Object[] cols;
        final int n;

        Columns(Schema schema, int n) {
            this.schema = schema;
            this.n = n;
            cols = new Object[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = switch (schema.column(c).type()) {
                    case NUMERIC, BOOLEAN -> new double[n];
                    case CATEGORICAL -> new String[n];
                    case TIMESTAMP -> new long[n];
                };
            }
        }

        double[] d(int c) {
            return (double[]) cols[c];
        }

        Table table() {
            return Table.ofColumns(schema, cols);
        }

        /** The rows at the given positions as a table. */
        Table table(int[] rows) {
            return table().select(rows);
        }
    }

    /**
     * Writes row {@code r}: viewer {@code u} (or -1 for no history) with survey profile
     * {@code sp}, film {@code film} of the catalogue (its stats at {@code statsFilm} of
     * {@code stats}, -1 for none), starting at {@code t} on {@code device}.
     */
    static void write(Columns out, int r, UserHistory h, int u, SurveyProfile sp, int film, int[] filmGenres,
                      int runtime, int year, FilmStats stats, int statsFilm, long t, String device, double age,
                      Settings s, TasteState taste) {
        Object[] c = out.cols;
        ((long[]) c[STARTED_AT])[r] = t;
        ((String[]) c[DEVICE])[r] = device;
        out.d(DEVICE_IS_USUAL)[r] = sp.usualDevice() == null || device == null ? Double.NaN
                : (sp.usualDevice().equals(device) ? 1 : 0);
        out.d(S_WEEKLY_HOURS)[r] = sp.weeklyHours();
        out.d(S_SESSION_LENGTH)[r] = sp.sessionLength();
        ((String[]) c[S_USUAL_DEVICE])[r] = sp.usualDevice();
        ((String[]) c[S_PREFERRED_TIME])[r] = sp.preferredTime();
        out.d(S_FINISHES_FILMS)[r] = sp.finishesFilms();
        out.d(S_AGE_BAND)[r] = sp.ageBand();
        out.d(S_SUBTITLES_OK)[r] = sp.subtitlesOk();
        out.d(S_LIKES_LONG_FILMS)[r] = sp.likesLongFilms();
        out.d(S_REWATCHES)[r] = sp.rewatches();
        out.d(S_PEOPLE_WATCHING)[r] = sp.peopleWatching();
        out.d(S_FILMS_LAST_MONTH)[r] = sp.filmsLastMonth();
        out.d(S_FAV_COUNT)[r] = sp.favouriteCount();
        int match = 0;
        for (int g : filmGenres) {
            match += sp.favourite(g) ? 1 : 0;
        }
        out.d(S_FAV_MATCH)[r] = match;
        out.d(S_FAV_PRIMARY)[r] = filmGenres.length > 0 && sp.favourite(filmGenres[0]) ? 1 : 0;

        out.d(F_RUNTIME)[r] = runtime > 0 ? runtime : Double.NaN;
        out.d(F_YEAR)[r] = year > 0 ? year : Double.NaN;
        out.d(F_POPULARITY)[r] = stats.popularity(statsFilm);
        out.d(F_COMPLETION)[r] = stats.completion(statsFilm, s.completionPrior(), s.alpha());
        out.d(F_RATING)[r] = stats.rating(statsFilm, s.ratingPrior(), s.alpha());
        for (int g = 0; g < out.schema.size() - GENRE0; g++) {
            out.d(GENRE0 + g)[r] = 0;
        }
        for (int g : filmGenres) {
            if (GENRE0 + g < out.schema.size()) {
                out.d(GENRE0 + g)[r] = 1;
            }
        }

        int views = u < 0 ? 0 : h.views[u];
        double overall = u < 0 || views == 0 ? s.completionPrior()
                : (h.completions[u] + s.alpha() * s.completionPrior()) / (views + s.alpha());
        out.d(H_VIEWS)[r] = views;
        out.d(H_COMPLETION)[r] = overall;
        double gv = 0;
        double gc = 0;
        double rs = 0;
        double rc = 0;
        double ge = 0;
        double share = 0;
        if (u >= 0 && views > 0) {
            int base = u * h.genres();
            for (int g : filmGenres) {
                if (g < h.genres()) {
                    gv += h.genreViews[base + g];
                    gc += h.genreCompletions[base + g];
                    rs += h.genreRatingSum[base + g];
                    rc += h.genreRatingCount[base + g];
                    ge += h.genreExcess[base + g];
                    share += stats.genreShare(g);
                }
            }
        }
        int ng = Math.max(1, filmGenres.length);
        out.d(H_GENRE_VIEWS)[r] = gv / ng;
        out.d(H_GENRE_SHARE)[r] = views == 0 ? 0 : gv / ng / views;
        out.d(H_GENRE_COMPLETION)[r] = (gc + s.alpha() * overall) / (gv + s.alpha());
        double lv = u < 0 ? 0 : h.longViews[u];
        double lc = u < 0 ? 0 : h.longCompletions[u];
        out.d(H_LONG_COMPLETION)[r] = (lc + s.alpha() * overall) / (lv + s.alpha());
        out.d(H_GENRE_RATING)[r] = (rs + s.alpha() * s.ratingPrior()) / (rc + s.alpha());
        boolean any = u >= 0 && views > 0;
        out.d(H_DAYS_SINCE_LAST)[r] = any ? (t - h.lastStart[u]) / 86_400.0 : Double.NaN;
        out.d(H_GAP_MINUTES)[r] = any ? (t - h.lastEnd[u]) / 60.0 : Double.NaN;
        out.d(H_SESSION_POSITION)[r] = any ? h.position(u, t, s.sessionGapSeconds()) : 0;
        out.d(H_PREV_DROPPED)[r] = any ? h.lastDropped[u] : Double.NaN;
        int flags = any ? h.filmFlags(u, film) : 0;
        out.d(H_SEEN_FILM)[r] = (flags & 1) != 0 ? 1 : 0;
        out.d(H_COMPLETED_FILM)[r] = (flags & 2) != 0 ? 1 : 0;
        out.d(H_EXCESS)[r] = u < 0 ? 0 : h.excess[u] / (views + s.alpha());
        out.d(H_GENRE_EXCESS)[r] = ge / (gv + s.alpha());
        out.d(H_RUNTIME_SLOPE)[r] = u < 0 ? 0 : h.runtimeXY[u] / (h.runtimeXX[u] + s.alpha());
        // (views in the film's genres + 1) / (views × the genres' share of all views + 1): taste shown by choices
        out.d(H_GENRE_LIFT)[r] = views == 0 ? 1 : (gv + 1) / (views * share + 1);
        out.d(F_AUDIENCE_FAV)[r] = stats.audienceFavLift(statsFilm, sp, s.alpha());
        double[] shares = u < 0 ? null : h.shares(u);
        out.d(H_AUDIENCE_HIST)[r] = stats.audienceHistLift(statsFilm, shares, s.alpha());
        out.d(S_GENRE_AFFINITY)[r] = stats.genreFavAffinity(filmGenres, sp);
        out.d(H_GENRE_AFFINITY)[r] = stats.genreHistAffinity(filmGenres, shares);
        out.d(AGE)[r] = age;
        double x = runtime > 0 ? (runtime - 100) / 30.0 : 0;
        out.d(H_RUNTIME_EFFECT)[r] = out.d(H_RUNTIME_SLOPE)[r] * x;
        out.d(S_LONG_X_RUNTIME)[r] = Double.isNaN(sp.likesLongFilms()) ? 0 : (sp.likesLongFilms() - 0.5) * x;

        // taste match from rating factors: the viewer folded in from ratings given before t
        double[] m = new double[5];
        if (taste != null) {
            taste.features(u, statsFilm, m);
        }
        out.d(M_MATCH)[r] = m[0];
        out.d(M_USER_BIAS)[r] = m[1];
        out.d(M_FILM_BIAS)[r] = m[2];
        out.d(M_RATINGS)[r] = taste == null ? 0 : taste.ratings(u);
        out.d(M_CHOICE)[r] = m[3];
        out.d(M_PICK)[r] = m[4];
        // the viewer's outcomes against the context baseline: logit-scale shrunken estimates of the
        // viewer's patience (Σ residual / (Σ p(1 − p) + 2)) and of the runtime slope
        out.d(H_RESID)[r] = u < 0 ? 0 : h.resid[u] / (h.residInfo[u] + 2.0);
        out.d(H_RESID_RUNTIME)[r] = u < 0 ? 0 : h.residX[u] / (h.residInfoX[u] + 4.0);
        out.d(H_RESID_EFFECT)[r] = out.d(H_RESID_RUNTIME)[r] * x;
        // the survey's say in the estimate of the viewer's patience fades as the history grows: the
        // weight of a prior of precision 2 against the history's information Σ p(1 − p), and the
        // survey answers that speak of patience times that weight (a linear model cannot form
        // these products itself)
        double w = 2.0 / ((u < 0 ? 0 : h.residInfo[u]) + 2.0);
        out.d(H_PRIOR_WEIGHT)[r] = w;
        out.d(S_FINISHES_X_W)[r] = centred(sp.finishesFilms(), 0.5) * w;
        out.d(S_SESSION_X_W)[r] = centred(sp.sessionLength(), 1.5) * w;
        out.d(S_SUBTITLES_X_W)[r] = centred(sp.subtitlesOk(), 0.5) * w;
        out.d(AGE_X_W)[r] = Double.isNaN(age) ? 0 : Math.max(-1, Math.min(1.5, (age - 40) / 20.0)) * w;
        out.d(S_LONG_X_W)[r] = centred(sp.likesLongFilms(), 0.5) * w * x;
        // the context as the clock and the device say it, as flags a linear model can use directly
        out.d(LATE_NIGHT)[r] = lateNight(t) ? 1 : 0;
        out.d(MON_THU)[r] = monToThu(t) ? 1 : 0;
        out.d(TV_GROUP)[r] = "tv".equals(device) && sp.peopleWatching() >= 2 ? 1 : 0;
        out.d(CHAIN)[r] = out.d(H_SESSION_POSITION)[r] > 0 ? 1 : 0;
    }

    /** v − centre, 0 when v is missing. */
    private static double centred(double v, double centre) {
        return Double.isNaN(v) ? 0 : v - centre;
    }

    /** Playback started between 23:00 and 04:59 on the viewer's clock (epoch seconds of local time). */
    static boolean lateNight(long t) {
        int hour = (int) (Math.floorMod(t, 86_400L) / 3_600L);
        return hour >= 23 || hour < 5;
    }

    /** Playback started on a Monday, Tuesday, Wednesday or Thursday (1970-01-01 was a Thursday). */
    static boolean monToThu(long t) {
        int dow = (int) Math.floorMod(Math.floorDiv(t, 86_400L) + 3, 7L); // 0 = Monday
        return dow < 4;
    }

    /** Names of the columns (for documentation and tests). */
    static List<String> baseNames() {
        return Arrays.asList(NAMES);
    }
}
