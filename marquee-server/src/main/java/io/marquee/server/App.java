package io.marquee.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.marquee.server.auth.Auth;
import io.marquee.server.http.ErrorMapper;
import io.marquee.server.http.Json;
import io.marquee.server.metrics.HttpMetrics;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the HTTP application: routes from {@link Routes}, auth, error mapping, metrics. */
public final class App {
    private App() {
    }

    /** An unstarted Javalin serving {@code services}; call {@code start(port)} (0 picks a free port). */
    public static Javalin create(Services services) {
        List<Route> routes = Routes.table(services);
        Auth auth = new Auth(services.tokens());
        HttpMetrics metrics = services.metrics();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.staticFiles.enableWebjars();
            config.http.maxRequestSize = 1_000_000;
            config.jetty.threadPool = threadPool(Runtime.getRuntime().availableProcessors());
            // batch uploads: parts beyond 64 KB are kept on disk by Jetty, never whole in memory; over the limit is a 413
            config.jetty.multipartConfig.maxFileSize(services.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(services.maxUploadBytes() + 64 * 1024,
                    io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, io.javalin.config.SizeUnit.BYTES);
            for (Route r : routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), wrap(r, auth, metrics));
            }
            config.routes.exception(Exception.class, ErrorMapper::handle);
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ErrorMapper.HANDLED) == null) {
                    ctx.json(ErrorMapper.error(404, "not-found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(ErrorMapper.HANDLED) == null) {
                    ctx.json(ErrorMapper.error(405, "method-not-allowed", "method " + ctx.method()
                            + " is not allowed on " + ctx.path()));
                }
            });
        });
    }

    /**
     * Jetty's worker pool sized to the machine rather than Javalin's 8–250 threads: serving is
     * CPU-bound (score every film, write JSON), so more threads than a few per core only take
     * turns on the cores and queue work in the scheduler instead of in Jetty's job queue. The
     * floor leaves room for Jetty's own selector, acceptor and reserved threads and for routes
     * that wait on the database (registry, feedback). 2 cores: 4 to 32 threads.
     */
    static QueuedThreadPool threadPool(int cores) {
        int max = Math.max(32, 8 * cores);
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(max, 2 * cores), 60_000);
        pool.setName("marquee-http");
        return pool;
    }

    /** Auth check, then the controller; the timer records every outcome under the route template. */
    private static Handler wrap(Route r, Auth auth, HttpMetrics metrics) {
        Handler inner = r.handler();
        HttpMetrics.RouteTimers timers = metrics.route(r.method(), r.path());
        return ctx -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                auth.check(ctx, r.access());
                inner.handle(ctx);
                status = ctx.status().getCode();
            } catch (Exception e) {
                status = ErrorMapper.toError(e).status();
                throw e;
            } finally {
                timers.record(status, System.nanoTime() - start);
            }
        };
    }
}
