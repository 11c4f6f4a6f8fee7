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
        Reading minusCpu(Reading earlier) {
            return new Reading(rssMb, peakRssMb, cpuSeconds - earlier.cpuSeconds);
        }
    }

    private ProcessStats() {
    }

    static Reading of(long pid) {
        List<ProcessHandle> all = Stream.concat(ProcessHandle.of(pid).stream(),
                ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)).toList();
        double rss = 0;
        double peak = 0;
        double cpu = 0;
        for (ProcessHandle process : all) {
            Path proc = Path.of("/proc", Long.toString(process.pid()));
            try {
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss += kilobytes(line) / 1024.0;
                    } else if (line.startsWith("VmHWM:")) {
                        peak += kilobytes(line) / 1024.0;
                    }
                }
                String stat = Files.readString(proc.resolve("stat"));
                // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
            } catch (IOException e) {
                // The process ended between listing and reading: it holds no memory and its CPU time is gone.
            }
        }
        return new Reading(rss, peak, cpu);
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
