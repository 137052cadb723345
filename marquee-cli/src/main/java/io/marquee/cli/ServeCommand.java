package io.marquee.cli;

import io.javalin.Javalin;
import io.marquee.core.store.Database;
import io.marquee.server.App;
import io.marquee.server.Routes;
import io.marquee.server.Services;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee serve}: the REST API over a database. Opens the registry, the recommender's model
 * server, training jobs and the request log; on SIGTERM or Ctrl-C it stops accepting requests,
 * waits for running jobs, writes every queued request-log record and closes the database.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API (recommendations, predictions, registry, training) on a port.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "100",
            description = "Largest CSV accepted by POST /batch-predict, in MB; larger uploads get 413 (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, was " + port);
        }
        if (maxUploadMb < 1 || maxUploadMb > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-upload-mb must be between 1 and 1000000, was " + maxUploadMb);
        }
        Database db = Databases.openExisting(global.db());
        return serve(db, host, port, maxUploadMb * 1024 * 1024, global.json(), spec.commandLine().getOut(),
                new LinkedHashMap<>(),
                "  create a token with: marquee token create --role reader --db " + global.db() + "\n");
    }

    /**
     * Serves the API over {@code db} (which it then owns) until the process is stopped; prints the
     * URLs with {@code extra} JSON fields and {@code extraText} lines. Shared with {@code demo}.
     */
    static int serve(Database db, String host, int port, long maxUploadBytes, boolean jsonOutput,
                     java.io.PrintWriter out, Map<String, Object> extra, String extraText) throws InterruptedException {
        Services services;
        try {
            services = Services.open(db, true, maxUploadBytes);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Javalin app = App.create(services);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } finally {
                services.close(); // drains the request log: nothing accepted is lost
                stopped.countDown();
            }
        }, "marquee-serve-shutdown"));
        String url = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("api", url + Routes.API);
        json.put("docs", url + Routes.DOCS);
        json.put("database", db.url());
        json.put("serving", services.recommender().currentIfLoaded().map(s -> s.version().label()).orElse(null));
        json.putAll(extra);
        String text = "Marquee API listening on " + url + Routes.API + "\n"
                + "  API docs (Swagger UI): " + url + Routes.DOCS + "\n"
                + "  serving: " + (json.get("serving") == null ? "nothing yet (no production recommender)" : json.get("serving")) + "\n"
                + extraText
                + "Press Ctrl-C to stop.";
        Output.print(out, jsonOutput, json, text);
        stopped.await();
        return ExitCodes.OK;
    }
}