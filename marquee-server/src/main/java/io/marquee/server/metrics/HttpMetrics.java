package io.marquee.server.metrics;

import io.marquee.registry.requests.RequestLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
        String key = method + ' ' + route + ' ' + status;
        Timer t = timers.computeIfAbsent(key, k -> Timer.builder("marquee.http.requests")
                .description("HTTP requests by route")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry));
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
