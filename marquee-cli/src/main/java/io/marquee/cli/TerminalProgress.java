package io.marquee.cli;

import io.marquee.core.progress.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws core's {@link Progress} as a progress bar on the terminal (stderr). When stderr is not a
 * terminal (CI, pipes) it draws nothing, so logs stay clean.
 */
final class TerminalProgress implements Progress {
    private ProgressBar bar;

    /** A bar when a terminal is attached, else {@link Progress#NONE}. */
    static Progress forTerminal() {
        return System.console() != null ? new TerminalProgress() : Progress.NONE;
    }

    @Override
    public void start(String task, long total) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .build();
    }

    @Override
    public void advance(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
