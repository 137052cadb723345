package io.marquee.server.metrics;

import io.marquee.registry.requests.RequestLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Prometheus metrics of the API: a timer per route, method and status ({@code marquee_http_requests_seconds}:
 * count and latency), and the request log's queue ({@code marquee_request_log_*}).
 */
public final class HttpMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(RequestLog log) {
        Gauge.builder("marquee.request_log.pending", log, l -> l.stats().pending())
                .description("request-log records queued, not yet written").register(registry);
        Gauge.builder("marquee.request_log.enqueued", log, l -> l.stats().enqueued())
                .description("request-log records accepted").register(registry);
        Gauge.builder("marquee.request_log.written", log, l -> l.stats().written())
                .description("request-log records written").register(registry);
        Gauge.builder("marquee.request_log.dropped", log, l -> l.stats().dropped())
                .description("request-log records dropped because the queue was full").register(registry);
        Gauge.builder("marquee.request_log.failed", log, l -> l.stats().failed())
                .description("request-log records that could not be written").register(registry);
        Gauge.builder("marquee.request_log.batches", log, l -> l.stats().batches())
                .description("request-log batches written").register(registry);
    }

    /** Records one request on a route (the route's path template, not the concrete path). */
    public void record(String method, String route, int status, long nanos) {
        timer(method, route, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The recorder of one route: what the HTTP layer keeps per route so a request costs no key building. */
    public RouteTimers route(String method, String route) {
        return new RouteTimers(method, route);
    }

    private Timer timer(String method, String route, int status) {
        String key = method + ' ' + route + ' ' + status;
        return timers.computeIfAbsent(key, k -> Timer.builder("marquee.http.requests")
                .description("HTTP requests by route")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry));
    }

    /** The timers of one route by status, looked up once per status. */
    public final class RouteTimers {
        private final String method;
        private final String route;
        private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(600);

        private RouteTimers(String method, String route) {
            this.method = method;
            this.route = route;
        }

        /** Records one request that ended with {@code status}. */
        public void record(int status, long nanos) {
            Timer t = status >= 0 && status < 600 ? byStatus.get(status) : null;
            if (t == null) {
                t = timer(method, route, status);
                if (status >= 0 && status < 600) {
                    byStatus.set(status, t);
                }
            }
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
