package io.marquee.cli;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.store.Database;
import io.marquee.server.auth.CreatedToken;
import io.marquee.server.auth.Role;
import io.marquee.server.auth.TokenStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee loadtest}: drives {@code GET /api/v1/recommendations/{id}?n=N} of a running
 * server ({@code marquee serve} or {@code marquee demo}) from {@code --connections} keep-alive
 * connections for a fixed time, after a warm-up, with viewers drawn at random from the
 * database's {@code users}; reports throughput, latency percentiles and errors, and checks that
 * the request log gained exactly one row per request served.
 *
 * <p>The log check reads {@code request_log} in the same database the server writes: the row
 * count once the warm-up's rows have landed, then again once the measured requests' rows have
 * (the server writes them in the background, so it waits for the count to settle). Nothing else
 * may use the server during the run. The generator runs on the same machine as the server and
 * takes CPU from it: on a small machine say so beside the figures.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Load-test GET /recommendations of a running server with viewers from the database;",
            "prints requests/s, latency percentiles, errors and the request-log row check."})
final class LoadTestCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--url", paramLabel = "URL", description = "Base URL of the server (default: ${DEFAULT-VALUE}).")
    String url = "http://localhost:8080";

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token to send; without it a reader token is created in --db for the run and revoked after.")
    String token;

    @Option(names = "--connections", paramLabel = "N", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections = 8;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Measured time (default: ${DEFAULT-VALUE}).")
    double duration = 30;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Unmeasured warm-up before it (default: ${DEFAULT-VALUE}).")
    double warmup = 10;

    @Option(names = "--n", paramLabel = "N", description = "Films per recommendation (default: ${DEFAULT-VALUE}).")
    int n = 10;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the viewers' random order (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--log-wait", paramLabel = "SECONDS",
            description = "Longest wait for the request log to catch up after the run (default: ${DEFAULT-VALUE}).")
    double logWait = 30;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = {"Process id of the server (Linux): also report the CPU time it and this generator",
                "spent per request in the measured phase, a figure other load on the machine distorts less."})
    Long serverPid;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (connections < 1 || connections > 1024) {
            throw InvalidInputException.of("--connections", connections, "an integer between 1 and 1024");
        }
        if (!(duration > 0) || duration > 3600) {
            throw InvalidInputException.of("--duration", duration, "seconds between 0 and 3600 (exclusive of 0)");
        }
        if (!(warmup >= 0) || warmup > 3600) {
            throw InvalidInputException.of("--warmup", warmup, "seconds between 0 and 3600");
        }
        if (n < 1 || n > 100) {
            throw InvalidInputException.of("--n", n, "an integer between 1 and 100");
        }
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--url", "'" + url + "'", "an http:// URL");
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw InvalidInputException.of("--url", "'" + url + "'", "an http:// URL with a host");
        }
        try (Database db = Databases.openExisting(global.db())) {
            List<Long> users = db.withHandle(h -> h.createQuery("SELECT id FROM users ORDER BY id")
                    .mapTo(Long.class).list());
            if (users.isEmpty()) {
                throw new InvalidInputException("database " + db.url() + " has no users to request recommendations for");
            }
            long[] ids = users.stream().mapToLong(Long::longValue).toArray();
            TokenStore tokens = new TokenStore(db);
            CreatedToken created = token == null ? tokens.create(Role.READER, "marquee loadtest", TokenCommand.actor()) : null;
            String bearer = token != null ? token : created.token();
            try {
                return run(db, new LoadGenerator.Target(base, "/api/v1/recommendations/{id}?n=" + n, ids, bearer),
                        ids.length);
            } finally {
                if (created != null) {
                    tokens.revoke(created.prefix());
                }
            }
        }
    }

    private int run(Database db, LoadGenerator.Target target, int users) throws InterruptedException {
        LoadGenerator gen = new LoadGenerator(target, connections, seed);
        LoadGenerator.PhaseResult warm = null;
        if (warmup > 0) {
            warm = gen.run(Math.round(warmup * 1000), 0);
        }
        long before = settledCount(db, -1);
        long serverCpu0 = serverPid == null ? 0 : ProcessCpu.nanos(serverPid);
        long selfCpu0 = ProcessCpu.self();
        LoadGenerator.PhaseResult r = gen.run(Math.round(duration * 1000), 1);
        long serverCpu = serverPid == null ? 0 : ProcessCpu.nanos(serverPid) - serverCpu0;
        long selfCpu = ProcessCpu.self() - selfCpu0;
        long after = settledCount(db, before + r.ok());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("connections", connections);
        json.put("users", users);
        json.put("n", n);
        json.put("warmup_seconds", warmup);
        json.put("warmup_requests", warm == null ? 0 : warm.ok());
        json.put("warmup_errors", warm == null ? 0 : warm.errors());
        json.put("seconds", round(r.nanos() / 1e9, 3));
        json.put("requests", r.ok());
        json.put("errors", r.errors());
        json.put("error_kinds", r.errorKinds());
        json.put("requests_per_second", round(r.perSecond(), 1));
        json.put("p50_ms", round(r.quantileMs(0.50), 3));
        json.put("p90_ms", round(r.quantileMs(0.90), 3));
        json.put("p99_ms", round(r.quantileMs(0.99), 3));
        json.put("max_ms", round(r.maxMs(), 3));
        if (serverPid != null) {
            json.put("server_cpu_us_per_request", r.ok() == 0 ? null : round(serverCpu / 1e3 / r.ok(), 1));
        }
        json.put("generator_cpu_us_per_request", r.ok() == 0 ? null : round(selfCpu / 1e3 / r.ok(), 1));
        json.put("log_rows_before", before);
        json.put("log_rows_after", after);
        json.put("log_rows_added", after - before);
        json.put("log_rows_match", after - before == r.ok());
        String text = String.format(Locale.ROOT, "%d requests in %.1f s from %d connections: %.1f requests/s, %d errors%n"
                        + "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                        + "request log: %d rows before, %d after (+%d): %s%n",
                r.ok(), r.nanos() / 1e9, connections, r.perSecond(), r.errors(),
                r.quantileMs(0.5), r.quantileMs(0.9), r.quantileMs(0.99), r.maxMs(), before, after, after - before,
                after - before == r.ok() ? "one row per request served" : "MISMATCH with " + r.ok() + " requests served")
                + (r.errorKinds().isEmpty() ? "" : "errors: " + r.errorKinds() + "\n")
                + (serverPid == null || r.ok() == 0 ? "" : String.format(Locale.ROOT,
                        "CPU per request: server %.1f µs, generator %.1f µs%n", serverCpu / 1e3 / r.ok(), selfCpu / 1e3 / r.ok()));
        Output.print(spec.commandLine().getOut(), global.json(), json, text);
        return ExitCodes.OK;
    }

    /**
     * The request log's row count once it stops changing: the server writes rows in the
     * background, so poll until it reaches {@code atLeast} (when given) and then holds still for
     * half a second, or until {@code --log-wait} runs out.
     */
    private long settledCount(Database db, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Math.round(logWait * 1e9);
        long last = db.count("request_log");
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long c = db.count("request_log");
            if (c != last) {
                last = c;
                stableSince = System.nanoTime();
            } else if (c >= atLeast && System.nanoTime() - stableSince >= 500_000_000L) {
                return c;
            }
        }
        return last;
    }

    /** Rounded, or null when there is no value (no requests). */
    private static Double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
