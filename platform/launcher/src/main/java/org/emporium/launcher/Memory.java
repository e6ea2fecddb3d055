package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of processes, read from /proc (Linux). PSS (proportional set size) is what a process
 * costs the machine: a page shared by n processes counts 1/n in each, so the sum over the system
 * is the memory it takes. RSS counts such a page in full in every process that maps it (Postgres'
 * shared buffers in each backend, the JDK's class-data archive in each JVM) and overstates a sum.
 */
final class Memory {

    /** Kilobytes of one process, or of a process tree. */
    record Usage(long pssKb, long rssKb) {

        static final Usage NONE = new Usage(0, 0);

        Usage plus(Usage other) {
            return new Usage(pssKb + other.pssKb, rssKb + other.rssKb);
        }

        long pssMb() {
            return pssKb / 1024;
        }

        long rssMb() {
            return rssKb / 1024;
        }
    }

    private Memory() {
    }

    /** One process; {@link Usage#NONE} when it is gone or /proc cannot be read. */
    static Usage of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "smaps_rollup")));
        } catch (IOException | RuntimeException e) {
            return Usage.NONE; // the process is gone, or this is not Linux
        }
    }

    /** A process and its descendants: PostgreSQL serves each connection from a child process. */
    static Usage tree(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).map(d -> of(d.pid())).reduce(Usage.NONE, Usage::plus))
                .orElse(Usage.NONE);
    }

    /** The {@code Pss:} and {@code Rss:} lines of a {@code /proc/<pid>/smaps_rollup} text (in kB). */
    static Usage parse(String smapsRollup) {
        long pss = 0;
        long rss = 0;
        for (String line : smapsRollup.split("\n")) {
            if (line.startsWith("Pss:")) {
                pss = kilobytes(line);
            } else if (line.startsWith("Rss:")) {
                rss = kilobytes(line);
            }
        }
        return new Usage(pss, rss);
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
    }
}
