package io.marquee.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.marquee.core.data.DataSink;
import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Model;
import io.marquee.core.progress.Progress;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.recommend.als.AlsParams;
import io.marquee.recommend.als.AlsTrainer;
import io.marquee.recommend.als.ImplicitAlsParams;
import io.marquee.recommend.als.ImplicitAlsTrainer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Seconds per iteration and peak heap of {@code als} and {@code ials} training at scale — a
 * command, not a JMH benchmark, because one run takes minutes. Prints one JSON object per
 * algorithm on standard output:
 * {@code {algo, rank, ratings, users, items, threads, setup_seconds, seconds_per_iteration[],
 * cpu_seconds_per_iteration[], objective[], peak_heap_bytes, peak_live_heap_bytes, data_heap_bytes,
 * max_heap_bytes, generate_seconds}}.
 *
 * <p><b>Data.</b> The ratings come from the project's synthetic generator
 * ({@link SyntheticGenerator}, seed 42, {@code --movies} films, {@code --events-per-user} mean
 * watch events per viewer, otherwise {@link GeneratorParams#defaults()}): its rows stream into a
 * sink here that keeps only the ratings, in primitive arrays, and stops after exactly
 * {@code --ratings} of them (viewers come one after the other, so the set is the first viewers'
 * ratings, the last viewer possibly cut short). The users are those viewers, the items every film.
 *
 * <p><b>Time.</b> {@code setup_seconds} runs from the call to {@code train} to the start of the
 * first iteration (building the CSR matrices); each {@code seconds_per_iteration} entry is the wall
 * time of one alternation (user pass and item pass), taken from the trainer's progress reports, and
 * {@code cpu_seconds_per_iteration} the process CPU time over the same span (steadier than wall
 * time on a shared machine; with {@code --threads 2} on an idle machine wall ≈ CPU / 2).
 *
 * <p><b>Memory.</b> Before each algorithm the heap is collected and its used size recorded as
 * {@code data_heap_bytes} (the ratings themselves). During training every GC notification is read:
 * {@code peak_heap_bytes} is the largest heap in use just before a collection (or at the end),
 * garbage included — the heap the run needed to avoid collecting more often; {@code
 * peak_live_heap_bytes} the largest left after a collection, i.e. what training really holds. For
 * the process as a whole use {@code /usr/bin/time -f %M} (max RSS in KiB), one algorithm per run.
 *
 * <pre>
 * java -Xmx16g -cp marquee-bench/target/benchmarks.jar io.marquee.bench.AlsScaleBench \
 *     --ratings 10000000 --rank 64 --iterations 3 [--algo als|ials|both] [--threads N]
 *     [--movies 10000] [--events-per-user 150]
 * </pre>
 */
public final class AlsScaleBench {
    private AlsScaleBench() {
    }

    /** Options of one run; see the class comment. */
    record Options(String algo, long ratings, int rank, int iterations, int threads, int movies,
                   double eventsPerUser) {
        Options {
            if (!List.of("als", "ials", "both").contains(algo)) {
                throw InvalidInputException.of("--algo", algo, "als, ials or both");
            }
            if (ratings < 1 || ratings > Integer.MAX_VALUE - 8) {
                throw InvalidInputException.of("--ratings", ratings, "between 1 and " + (Integer.MAX_VALUE - 8));
            }
        }

        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int a = 0; a < args.length; a++) {
                String key = args[a];
                if (!key.startsWith("--") || a + 1 >= args.length) {
                    throw new InvalidInputException("expected --option value pairs, got '" + key + "'"
                            + (a + 1 >= args.length ? " without a value" : ""));
                }
                m.put(key, args[++a]);
            }
            Options o = new Options(m.getOrDefault("--algo", "both"),
                    number(m, "--ratings", 10_000_000L),
                    (int) number(m, "--rank", 64),
                    (int) number(m, "--iterations", 3),
                    (int) number(m, "--threads", AlsParams.defaults().threads()),
                    (int) number(m, "--movies", 10_000),
                    Double.parseDouble(m.getOrDefault("--events-per-user", "150")));
            m.keySet().removeAll(List.of("--algo", "--ratings", "--rank", "--iterations", "--threads", "--movies",
                    "--events-per-user"));
            if (!m.isEmpty()) {
                throw new InvalidInputException("unknown options " + m.keySet());
            }
            return o;
        }

        private static long number(Map<String, String> m, String key, long fallback) {
            String v = m.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of(key, v, "an integer");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (InvalidInputException e) {
            System.err.println("AlsScaleBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        long g0 = System.nanoTime();
        Interactions data = generate(o);
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        ObjectMapper json = new ObjectMapper();
        for (String algo : o.algo().equals("both") ? List.of("als", "ials") : List.of(o.algo())) {
            Map<String, Object> result = run(algo, data, o);
            result.put("generate_seconds", generateSeconds);
            System.out.println(json.writeValueAsString(result));
        }
    }

    /** Trains one algorithm on the data and returns its figures. */
    static Map<String, Object> run(String algo, Interactions data, Options o) {
        System.gc();
        long dataHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        IterationClock clock = new IterationClock();
        HeapPeak peak = new HeapPeak();
        Model model;
        try (peak) {
            clock.trainCalled = System.nanoTime();
            if (algo.equals("als")) {
                AlsParams p = AlsParams.defaults().withRank(o.rank()).withIterations(o.iterations())
                        .withThreads(o.threads());
                model = new AlsTrainer(p).train(data, clock);
            } else {
                ImplicitAlsParams p = ImplicitAlsParams.defaults().withRank(o.rank()).withIterations(o.iterations())
                        .withThreads(o.threads());
                model = new ImplicitAlsTrainer(p).train(data, clock);
            }
            peak.sample();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("algo", algo);
        r.put("rank", o.rank());
        r.put("ratings", data.size());
        r.put("users", data.users().size());
        r.put("items", data.items().size());
        r.put("threads", o.threads());
        r.put("setup_seconds", clock.setupSeconds);
        r.put("seconds_per_iteration", clock.seconds);
        r.put("cpu_seconds_per_iteration", clock.cpuSeconds);
        r.put("objective", model.summary().epochLoss());
        r.put("peak_heap_bytes", peak.peakUsed.get());
        r.put("peak_live_heap_bytes", peak.peakLive.get());
        r.put("data_heap_bytes", dataHeap);
        r.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return r;
    }

    /** Generates until exactly {@code o.ratings()} ratings are kept. */
    static Interactions generate(Options o) {
        GeneratorParams gp = GeneratorParams.defaults().withMovies(o.movies()).withMeanEventsPerUser(o.eventsPerUser())
                .withUsers(10_000_000);
        RatingSink sink = new RatingSink((int) o.ratings());
        try {
            SyntheticGenerator.generate(gp, sink, Progress.NONE);
        } catch (RatingSink.Full full) {
            // enough ratings: the generator writes to memory only, so stopping it here leaves nothing half-done
        }
        if (sink.n < o.ratings()) {
            throw new InvalidInputException("the generator made only " + sink.n + " ratings, fewer than --ratings "
                    + o.ratings());
        }
        int users = sink.maxUser + 1;
        return new Interactions(IdIndex.of(ids(users)), IdIndex.of(ids(o.movies())), sink.user, sink.item, sink.value,
                sink.time);
    }

    private static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    /** Keeps ratings only (viewer and film ids 1…n become indices 0…n−1); throws {@link Full} when full. */
    static final class RatingSink implements DataSink {
        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        final int[] user;
        final int[] item;
        final float[] value;
        final long[] time;
        int n;
        int maxUser = -1;

        RatingSink(int capacity) {
            user = new int[capacity];
            item = new int[capacity];
            value = new float[capacity];
            time = new long[capacity];
        }

        @Override
        public void rating(Rating r) {
            if (n == user.length) {
                throw new Full();
            }
            user[n] = Math.toIntExact(r.userId() - 1);
            item[n] = Math.toIntExact(r.movieId() - 1);
            value[n] = r.value();
            time[n] = r.timestamp();
            maxUser = Math.max(maxUser, user[n]);
            n++;
            if (n == user.length) {
                throw new Full();
            }
        }

        @Override
        public void movie(Movie movie) {
        }

        @Override
        public void user(User u) {
        }

        @Override
        public void survey(SurveyResponse response) {
        }

        @Override
        public void watch(WatchEvent event) {
        }

        @Override
        public void dropoffTruth(DropoffTruth truth) {
        }
    }

    /** A {@link Progress} that timestamps the trainer's iteration reports. */
    static final class IterationClock implements Progress {
        long trainCalled;
        double setupSeconds = Double.NaN;
        final List<Double> seconds = new ArrayList<>();
        final List<Double> cpuSeconds = new ArrayList<>();
        private long last;
        private long lastCpu;

        @Override
        public void start(String task, long total) {
            last = System.nanoTime();
            lastCpu = processCpuNanos();
            setupSeconds = (last - trainCalled) / 1e9;
        }

        @Override
        public void advance(long steps) {
            long now = System.nanoTime();
            long cpu = processCpuNanos();
            seconds.add((now - last) / 1e9);
            cpuSeconds.add((cpu - lastCpu) / 1e9);
            last = now;
            lastCpu = cpu;
        }

        /** CPU time of the whole process (all threads, JIT and GC included), or −1 if unknown. */
        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }

        @Override
        public void finish() {
        }
    }

    /** Largest heap in use before and after any GC while open, from the collectors' notifications. */
    static final class HeapPeak implements AutoCloseable {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakLive = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            peakUsed.accumulateAndGet(total(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            peakLive.accumulateAndGet(total(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        };

        HeapPeak() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(listener, null, null);
                    emitters.add(e);
                }
            }
            sample();
            // the heap held before training (the ratings) is live
            peakLive.set(peakUsed.get());
        }

        /** Counts the heap in use now (the end of a run has no collection after it) into {@link #peakUsed}. */
        void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        private static long total(Map<String, MemoryUsage> pools) {
            long sum = 0;
            for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
                if (!e.getKey().contains("Metaspace") && !e.getKey().contains("CodeHeap")
                        && !e.getKey().contains("Compressed Class")) {
                    sum += e.getValue().getUsed();
                }
            }
            return sum;
        }

        @Override
        public void close() {
            try {
                Thread.sleep(200); // notifications of the last collections arrive on another thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }
}
