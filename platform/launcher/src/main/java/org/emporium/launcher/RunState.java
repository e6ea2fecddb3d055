package org.emporium.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a running {@code up} left in .emporium/run/state.properties: its own pid and each
 * process's pid, port, URL and health URL, so {@code status} and {@code stop} work from
 * another terminal.
 */
public record RunState(long launcherPid, List<Entry> entries) {

    public record Entry(String name, long pid, int port, String url, String health) {
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("launcher.pid", String.valueOf(launcherPid));
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            names.add(e.name());
            p.setProperty(e.name() + ".pid", String.valueOf(e.pid()));
            p.setProperty(e.name() + ".port", String.valueOf(e.port()));
            p.setProperty(e.name() + ".url", e.url());
            p.setProperty(e.name() + ".health", e.health() == null ? "" : e.health());
        }
        p.setProperty("components", String.join(",", names));
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "written by ./emporium up; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunState read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : p.getProperty("components", "").split(",")) {
            if (!name.isBlank()) {
                entries.add(new Entry(name, Long.parseLong(p.getProperty(name + ".pid", "-1")),
                        Integer.parseInt(p.getProperty(name + ".port", "0")), p.getProperty(name + ".url", ""),
                        p.getProperty(name + ".health", "")));
            }
        }
        return new RunState(Long.parseLong(p.getProperty("launcher.pid", "-1")), entries);
    }
}
