package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of processes, read from /proc (Linux). */
final class Memory {

    private Memory() {
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    /** A process and its descendants: PostgreSQL serves each connection from a child process. */
    static long treeRssKb(long pid) {
        return ProcessHandle.of(pid).map(p -> rssKb(pid) + p.descendants().mapToLong(d -> rssKb(d.pid())).sum())
                .orElse(0L);
    }
}
