package io.marquee.core.data;

import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DataSink} that builds a {@link Dataset} in memory, so an importer's output can be used
 * directly (no database) and the database loader shares the same code path.
 *
 * <p>Ratings and watch events must refer to films and viewers sent before them; anything else is
 * an {@link InvalidInputException} naming the id.
 */
public final class DatasetBuilder implements DataSink {
    private final IdIndex.Builder items = new IdIndex.Builder();
    private final List<String> titles = new ArrayList<>();
    private final IntArrayList years = new IntArrayList();
    private final IntArrayList runtimes = new IntArrayList();
    private final List<int[]> movieGenres = new ArrayList<>();
    private final Map<String, Integer> genreIds = new LinkedHashMap<>();

    private final IdIndex.Builder users = new IdIndex.Builder();
    private final IntArrayList ages = new IntArrayList();
    private final List<String> genders = new ArrayList<>();
    private final List<String> occupations = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private final List<Map<String, String>> survey = new ArrayList<>();

    private final IntArrayList ratingUser = new IntArrayList();
    private final IntArrayList ratingItem = new IntArrayList();
    private final FloatArrayList ratingValue = new FloatArrayList();
    private final LongArrayList ratingTime = new LongArrayList();

    private final LongArrayList watchId = new LongArrayList();
    private final IntArrayList watchUser = new IntArrayList();
    private final IntArrayList watchItem = new IntArrayList();
    private final LongArrayList watchStart = new LongArrayList();
    private final FloatArrayList watchMinutes = new FloatArrayList();
    private final IntArrayList watchRuntime = new IntArrayList();
    // fastutil-core has no byte or boolean lists: device codes and flags are held as ints while building
    private final IntArrayList watchDevice = new IntArrayList();
    private final IntArrayList watchCompleted = new IntArrayList();
    private final DoubleArrayList watchTruth = new DoubleArrayList();
    private final Long2IntOpenHashMap watchPosition = new Long2IntOpenHashMap();
    private final Map<String, Byte> deviceCodes = new LinkedHashMap<>();

    public DatasetBuilder() {
        watchPosition.defaultReturnValue(-1);
    }

    @Override
    public void movie(Movie m) {
        if (items.contains(m.id())) {
            throw new InvalidInputException("movie id " + m.id() + " appears twice");
        }
        items.add(m.id());
        titles.add(m.title());
        years.add(m.year() == null ? 0 : m.year());
        runtimes.add(m.runtimeMinutes() == null ? 0 : m.runtimeMinutes());
        int[] g = new int[m.genres().size()];
        for (int k = 0; k < g.length; k++) {
            g[k] = genreIds.computeIfAbsent(m.genres().get(k), name -> genreIds.size());
        }
        movieGenres.add(g);
    }

    @Override
    public void user(User u) {
        if (users.contains(u.id())) {
            throw new InvalidInputException("user id " + u.id() + " appears twice");
        }
        users.add(u.id());
        ages.add(u.age() == null ? -1 : u.age());
        genders.add(u.gender());
        occupations.add(u.occupation());
        regions.add(u.region());
        survey.add(new HashMap<>());
    }

    @Override
    public void survey(SurveyResponse r) {
        survey.get(userIndex(r.userId(), "survey response")).put(r.question(), r.answer());
    }

    @Override
    public void rating(Rating r) {
        ratingUser.add(userIndex(r.userId(), "rating"));
        ratingItem.add(itemIndex(r.movieId(), "rating"));
        ratingValue.add(r.value());
        ratingTime.add(r.timestamp());
    }

    @Override
    public void watch(WatchEvent w) {
        if (watchPosition.containsKey(w.id())) {
            throw new InvalidInputException("watch event id " + w.id() + " appears twice");
        }
        watchPosition.put(w.id(), watchId.size());
        watchId.add(w.id());
        watchUser.add(userIndex(w.userId(), "watch event " + w.id()));
        watchItem.add(itemIndex(w.movieId(), "watch event " + w.id()));
        watchStart.add(w.startedAt());
        watchMinutes.add(w.watchedMinutes());
        watchRuntime.add(w.runtimeMinutes());
        Byte code = deviceCodes.get(w.device());
        if (code == null) {
            if (deviceCodes.size() == Byte.MAX_VALUE) {
                throw new InvalidInputException("more than " + Byte.MAX_VALUE + " distinct devices");
            }
            code = (byte) deviceCodes.size();
            deviceCodes.put(w.device(), code);
        }
        watchDevice.add(code);
        watchCompleted.add(w.completed() ? 1 : 0);
        watchTruth.add(Double.NaN);
    }

    @Override
    public void dropoffTruth(DropoffTruth t) {
        int k = watchPosition.get(t.watchEventId());
        if (k < 0) {
            throw new InvalidInputException("drop-off truth refers to unknown watch event " + t.watchEventId());
        }
        watchTruth.set(k, t.probability());
    }

    private int userIndex(long id, String what) {
        int u = users.indexOf(id);
        if (u < 0) {
            throw new InvalidInputException(what + " refers to unknown user id " + id);
        }
        return u;
    }

    private int itemIndex(long id, String what) {
        int i = items.indexOf(id);
        if (i < 0) {
            throw new InvalidInputException(what + " refers to unknown movie id " + id);
        }
        return i;
    }

    /** The dataset of everything received so far. */
    public Dataset build() {
        IdIndex itemIndex = items.build();
        IdIndex userIndex = users.build();
        Catalogue catalogue = new Catalogue(itemIndex, titles.toArray(String[]::new), years.toIntArray(),
                runtimes.toIntArray(), movieGenres.toArray(int[][]::new), List.copyOf(genreIds.keySet()));
        List<Map<String, String>> answers = new ArrayList<>(survey.size());
        for (Map<String, String> m : survey) {
            answers.add(Map.copyOf(m));
        }
        Viewers viewers = new Viewers(userIndex, ages.toIntArray(), genders.toArray(String[]::new),
                occupations.toArray(String[]::new), regions.toArray(String[]::new), answers);
        Interactions ratings = new Interactions(userIndex, itemIndex, ratingUser.toIntArray(),
                ratingItem.toIntArray(), ratingValue.toFloatArray(), ratingTime.toLongArray());
        WatchLog watches = new WatchLog(watchId.toLongArray(), watchUser.toIntArray(), watchItem.toIntArray(),
                watchStart.toLongArray(), watchMinutes.toFloatArray(), watchRuntime.toIntArray(),
                toBytes(watchDevice), List.copyOf(deviceCodes.keySet()), toBooleans(watchCompleted),
                watchTruth.toDoubleArray());
        return new Dataset(catalogue, viewers, ratings, watches);
    }

    private static byte[] toBytes(IntArrayList list) {
        byte[] out = new byte[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = (byte) list.getInt(k);
        }
        return out;
    }

    private static boolean[] toBooleans(IntArrayList list) {
        boolean[] out = new boolean[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.getInt(k) != 0;
        }
        return out;
    }
}
