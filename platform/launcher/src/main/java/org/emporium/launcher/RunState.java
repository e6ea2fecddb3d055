package org.emporium.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a running {@code up} left in .emporium/run/state.properties: its own pid and each
 * process's pid (the latest, after a restart), port, URL, health URL and restart count, so
 * {@code status} and {@code stop} work from
 * another terminal; and how long after the start of {@code up} each component, then the whole
 * system, was ready (null until then).
 */
public record RunState(long launcherPid, Double readySeconds, List<Entry> entries) {

    /** @param restarts how many times the launcher restarted it after it died (its pid is the latest one's) */
    public record Entry(String name, long pid, int port, String url, String health, Double readySeconds, int restarts) {

        public Entry(String name, long pid, int port, String url, String health, Double readySeconds) {
            this(name, pid, port, url, health, readySeconds, 0);
        }
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("launcher.pid", String.valueOf(launcherPid));
        setIfKnown(p, "ready.seconds", readySeconds);
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            names.add(e.name());
            p.setProperty(e.name() + ".pid", String.valueOf(e.pid()));
            p.setProperty(e.name() + ".port", String.valueOf(e.port()));
            p.setProperty(e.name() + ".url", e.url());
            p.setProperty(e.name() + ".health", e.health() == null ? "" : e.health());
            setIfKnown(p, e.name() + ".ready.seconds", e.readySeconds());
            p.setProperty(e.name() + ".restarts", String.valueOf(e.restarts()));
        }
        p.setProperty("components", String.join(",", names));
        // whole or not at all: status and tests read it while a restart rewrites it
        PropertiesFile.write(file, p, "written by ./emporium up; removed when it stops");
    }

    public static RunState read(Path file) {
        Properties p = PropertiesFile.read(file);
        if (p == null) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : p.getProperty("components", "").split(",")) {
            if (!name.isBlank()) {
                entries.add(new Entry(name, Long.parseLong(p.getProperty(name + ".pid", "-1")),
                        Integer.parseInt(p.getProperty(name + ".port", "0")), p.getProperty(name + ".url", ""),
                        p.getProperty(name + ".health", ""), seconds(p, name + ".ready.seconds"),
                        Integer.parseInt(p.getProperty(name + ".restarts", "0"))));
            }
        }
        return new RunState(Long.parseLong(p.getProperty("launcher.pid", "-1")), seconds(p, "ready.seconds"), entries);
    }

    private static void setIfKnown(Properties p, String key, Double seconds) {
        if (seconds != null) {
            p.setProperty(key, String.format(Locale.ROOT, "%.1f", seconds));
        }
    }

    private static Double seconds(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }
}
