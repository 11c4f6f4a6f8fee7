package dev.customs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory and CPU time of a process and its descendants, read from /proc (Linux). */
final class ProcessStats {

    /** USER_HZ: the unit of utime and stime in /proc/PID/stat on Linux. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    record Reading(double rssMb, double peakRssMb, double cpuSeconds) {
        Reading plus(Reading other) {
            return new Reading(rssMb + other.rssMb, peakRssMb + other.peakRssMb, cpuSeconds + other.cpuSeconds);
        }

        Reading minusCpu(Reading earlier) {
            return new Reading(rssMb, peakRssMb, cpuSeconds - earlier.cpuSeconds);
        }
    }

    private ProcessStats() {
    }

    /** A process with all its descendants (a service's JVM; PostgreSQL's postmaster and its backends). */
    static Reading of(long pid) {
        List<ProcessHandle> all = Stream.concat(ProcessHandle.of(pid).stream(),
                ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)).toList();
        Reading sum = new Reading(0, 0, 0);
        for (ProcessHandle process : all) {
            sum = sum.plus(read(process.pid(), false));
        }
        return sum;
    }

    /**
     * This JVM alone, plus the children it has waited for (wrk, Kafka's perf tools). The services are its
     * children too, but they are reported on their own lines and must not be counted twice.
     */
    static Reading ofThisJvm() {
        return read(ProcessHandle.current().pid(), true);
    }

    private static Reading read(long pid, boolean withReapedChildren) {
        Path proc = Path.of("/proc", Long.toString(pid));
        double rss = 0;
        double peak = 0;
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) / 1024.0;
                }
            }
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the parenthesised command name: utime, stime, cutime, cstime are fields 14 to 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return new Reading(rss, peak, ticks / CLOCK_TICKS_PER_SECOND);
        } catch (IOException e) {
            // The process ended between listing and reading: it holds no memory and its CPU time is gone.
            return new Reading(0, 0, 0);
        }
    }

    /** The PostgreSQL server listening on {@code port}: its postmaster, whose children are the backends. */
    static long postmasterOf(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(Integer.toString(port))).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server process on port " + port));
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
