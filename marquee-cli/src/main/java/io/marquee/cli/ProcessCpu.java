package io.marquee.cli;

import io.marquee.core.error.InvalidInputException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes, for the load test's cost-per-request figures. */
final class ProcessCpu {
    /** Clock ticks per second of /proc/PID/stat ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** User plus system CPU time of a Linux process, in nanoseconds, from /proc/PID/stat (10 ms resolution). */
    static long nanos(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException e) {
            throw InvalidInputException.of("--server-pid", pid, "the id of a running process on Linux (" + stat
                    + " cannot be read: " + e.getMessage() + ")");
        }
        // fields after the command name in parentheses (which may hold spaces); utime and stime are fields 14 and 15
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** CPU time of this JVM, in nanoseconds. */
    static long self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
