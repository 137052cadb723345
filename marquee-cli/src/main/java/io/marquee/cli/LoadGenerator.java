package io.marquee.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop HTTP/1.1 load generator: {@code connections} threads, each with one keep-alive
 * socket, send {@code GET} requests back to back for a fixed time and record every latency.
 *
 * <p>Written on plain sockets rather than {@link java.net.http.HttpClient} on purpose: the
 * generator shares the machine's cores with the server it measures, and the JDK client's
 * per-request cost (a selector thread, futures, header maps) would be taken from the server. A
 * request here is one pre-built byte array and the response parser reads the status line,
 * {@code Content-Length} or {@code chunked} framing and the body into a reused buffer. It speaks
 * only what it needs: GET, HTTP/1.1, no TLS, no redirects.
 *
 * <p>Latency is measured from the first byte written to the last byte of the body read. Every
 * latency is kept (a few hundred thousand longs for a minute at several thousand requests per
 * second), so percentiles are exact, not estimated from a histogram.
 */
final class LoadGenerator {
    /** What to request: a path template with {@code {id}} replaced by one of {@code ids} chosen at random. */
    record Target(URI base, String pathTemplate, long[] ids, String bearerToken) {
        Target {
            Objects.requireNonNull(base, "base");
            if (!"http".equals(base.getScheme())) {
                throw new IllegalArgumentException("only http:// URLs are supported, got " + base);
            }
            if (ids.length == 0) {
                throw new IllegalArgumentException("no ids to request");
            }
        }

        int port() {
            return base.getPort() < 0 ? 80 : base.getPort();
        }
    }

    /**
     * One phase's outcome.
     *
     * @param ok          responses with status 200
     * @param errors      other statuses plus connection failures
     * @param errorKinds  errors by kind ({@code status 500}, {@code IOException: …})
     * @param nanos       wall time of the phase, from start until the last in-flight request returned
     * @param latencies   latencies of the 200 responses, in nanoseconds, sorted
     */
    record PhaseResult(long ok, long errors, TreeMap<String, Long> errorKinds, long nanos, long[] latencies) {
        double perSecond() {
            return ok / (nanos / 1e9);
        }

        /** The {@code q}-quantile of the latencies in milliseconds (nearest rank), NaN when empty. */
        double quantileMs(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }

        double maxMs() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }
    }

    private final Target target;
    private final int connections;
    private final long seed;
    /** The request of every id, built once: the loop then only writes bytes. */
    private final byte[][] requests;

    LoadGenerator(Target target, int connections, long seed) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
        this.target = target;
        this.connections = connections;
        this.seed = seed;
        String host = target.base().getHost() + (target.base().getPort() < 0 ? "" : ":" + target.base().getPort());
        String prefix = target.base().getRawPath() == null ? "" : stripSlash(target.base().getRawPath());
        this.requests = new byte[target.ids().length][];
        for (int k = 0; k < requests.length; k++) {
            String path = prefix + target.pathTemplate().replace("{id}", Long.toString(target.ids()[k]));
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (target.bearerToken() == null ? "" : "Authorization: Bearer " + target.bearerToken() + "\r\n")
                    + "Accept: application/json\r\n\r\n";
            requests[k] = req.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Runs all connections for {@code millis} and waits for the requests in flight. */
    PhaseResult run(long millis, int phase) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Worker[] workers = new Worker[connections];
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            workers[c] = new Worker(new SplittableRandom(seed * 1_000_003L + phase * 7919L + c), stop);
            threads[c] = new Thread(workers[c], "loadtest-" + c);
            threads[c].setDaemon(true);
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        long ok = 0;
        long errors = 0;
        TreeMap<String, Long> kinds = new TreeMap<>();
        int total = 0;
        for (Worker w : workers) {
            ok += w.ok;
            errors += w.errors;
            w.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            total += w.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        return new PhaseResult(ok, errors, kinds, nanos, all);
    }

    /** One connection's loop. */
    private final class Worker implements Runnable {
        private final SplittableRandom random;
        private final AtomicBoolean stop;
        private final byte[] buffer = new byte[64 * 1024];
        long ok;
        long errors;
        final TreeMap<String, Long> errorKinds = new TreeMap<>();
        long[] latencies = new long[1 << 14];
        int count;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(SplittableRandom random, AtomicBoolean stop) {
            this.random = random;
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    byte[] request = requests[random.nextInt(requests.length)];
                    try {
                        if (socket == null) {
                            connect();
                        }
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        int status = readResponse();
                        long t1 = System.nanoTime();
                        if (status == 200) {
                            ok++;
                            record(t1 - t0);
                        } else {
                            error("status " + status);
                        }
                    } catch (IOException e) {
                        error(e.getClass().getSimpleName() + ": " + e.getMessage());
                        close();
                        pause(); // a server that is down must not turn this loop into a busy spin
                    }
                }
            } finally {
                close();
            }
        }

        private void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private void error(String kind) {
            errors++;
            errorKinds.merge(kind, 1L, Long::sum);
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(target.base().getHost(), target.port()), 5_000);
            s.setSoTimeout(30_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = s.getOutputStream();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }
        }

        /** Reads one response (status line, headers, body); returns the status. Closes when the server asks. */
        private int readResponse() throws IOException {
            String statusLine = readLine();
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            // "HTTP/1.1 200 OK"
            int sp = statusLine.indexOf(' ');
            if (sp < 0 || statusLine.length() < sp + 4) {
                throw new IOException("malformed status line '" + statusLine + "'");
            }
            int status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closeAfter = value.equalsIgnoreCase("close");
                }
            }
            if (line == null) {
                throw new IOException("connection closed inside the headers");
            }
            if (chunked) {
                while (true) {
                    String size = readLine();
                    if (size == null) {
                        throw new IOException("connection closed inside a chunked body");
                    }
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while ((line = readLine()) != null && !line.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(n);
                    readLine(); // CRLF after the chunk
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                closeAfter = true; // body ends when the connection does
                while (in.read(buffer) >= 0) {
                    // drain
                }
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r < 0) {
                    throw new IOException("connection closed inside a body");
                }
                left -= r;
            }
        }

        /** A CRLF-terminated line in ASCII, without the terminator; null at end of stream. */
        private String readLine() throws IOException {
            int n = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int end = n > 0 && buffer[n - 1] == '\r' ? n - 1 : n;
                    return new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
                }
                if (n == buffer.length) {
                    throw new IOException("header line longer than " + buffer.length + " bytes");
                }
                buffer[n++] = (byte) b;
            }
            return n == 0 ? null : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static String stripSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
