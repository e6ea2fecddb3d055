package org.emporium.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A component that is one operating-system process. Its output goes, line by line, to its
 * log file (kept as written: JSON for the services) and to the console.
 */
public class ProcessComponent implements Component {

    private static final int KEPT_LINES = 40;
    /** Generous: a JVM writes its start-up cache as it exits, after its first run. */
    private static final long GRACE_SECONDS = 30;

    private final String name;
    private final List<String> needs;
    private final int port;
    private final String url;
    private final List<String> command;
    /** Inserted after the java executable when the process starts, decided by {@link #prepare()}. */
    protected List<String> startOptions = List.of();
    /** Where the process runs; null for the launcher's own directory. */
    protected Path workingDirectory;
    private final Map<String, String> environment;
    private final Probe probe;
    private final Path logFile;
    private final Console console;
    private final Deque<String> recent = new ArrayDeque<>();
    private Process process;

    public ProcessComponent(String name, List<String> needs, int port, String url, List<String> command,
                            Map<String, String> environment, Probe probe, Path logFile, Console console) {
        this.name = name;
        this.needs = List.copyOf(needs);
        this.port = port;
        this.url = url;
        this.command = List.copyOf(command);
        this.environment = new LinkedHashMap<>(environment);
        this.probe = probe;
        this.logFile = logFile;
        this.console = console;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> needs() {
        return needs;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return url;
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Probe probe() {
        return probe;
    }

    @Override
    public String healthUrl() {
        return probe.url();
    }

    /** Hook for components that must prepare files before their first start. */
    protected void prepare() throws Exception {
    }

    @Override
    public void start() throws Exception {
        prepare();
        List<String> full = new ArrayList<>(command);
        full.addAll(1, startOptions);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        // glibc gives every thread that allocates its own 64 MB malloc arena; a JVM has dozens of
        // threads, so the arenas add tens of MB of resident memory per process for nothing
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        process = builder.start();
        Thread.ofVirtual().name(name + "-output").start(this::pumpOutput);
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.newLine();
                file.flush();
                console.line(name, line);
                synchronized (recent) {
                    if (recent.size() == KEPT_LINES) {
                        recent.removeFirst();
                    }
                    recent.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process ended and closed its output: nothing left to copy
        }
    }

    @Override
    public boolean isReady() {
        return isAlive() && probe.ready();
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                console.fail(name + " did not stop within " + GRACE_SECONDS + " s; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once, as a crash would (SIGKILL): for tests that prove recovery. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<String> recentOutput() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
