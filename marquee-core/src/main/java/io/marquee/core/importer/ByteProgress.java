package io.marquee.core.importer;

import io.marquee.core.progress.Progress;

/**
 * Reports progress through a file in bytes, cheaply: callers {@link #tick()} once per line and the
 * progress is told only every few thousand lines.
 */
final class ByteProgress {
    private static final int LINES_PER_REPORT = 1 << 15;

    private final Progress progress;
    private final CountingInputStream in;
    private long reported;
    private int lines;

    ByteProgress(Progress progress, String task, long totalBytes, CountingInputStream in) {
        this.progress = progress;
        this.in = in;
        progress.start(task, totalBytes);
    }

    void tick() {
        if (++lines >= LINES_PER_REPORT) {
            lines = 0;
            report();
        }
    }

    private void report() {
        long now = in.count();
        if (now > reported) {
            progress.advance(now - reported);
            reported = now;
        }
    }

    void finish() {
        report();
        progress.finish();
    }
}
