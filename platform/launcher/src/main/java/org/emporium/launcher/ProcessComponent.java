package org.emporium.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A component that is one operating-system process. Its output goes to its log file (kept as
 * written: JSON for the services): straight from the process when the console does not show the
 * logs (the default), or line by line through this launcher when it does ({@code up --logs}).
 */
public class ProcessComponent implements Component {

    private static final int KEPT_LINES = 40;
    /** Longest a training run may take to start, and then to write its cache. */
    private static final long TRAINING_SECONDS = 120;
    /** How a JVM asked to stop by SIGTERM exits (128 + 15). */
    private static final int SIGTERM_EXIT = 143;
    /** Generous: a JVM writes its start-up cache as it exits, after its first run. */
    private static final long GRACE_SECONDS = 30;

    private final String name;
    private final List<String> needs;
    private final int port;
    private final String url;
    private final List<String> command;
    /** Inserted after the java executable when the process starts, decided by {@link #prepare()}. */
    protected List<String> startOptions = List.of();
    /** Its JVM start-up cache and how to train one, or null when it has none. */
    private AheadOfTimeCache cache;
    private IntFunction<Training> training;
    private Preparation preparation = () -> { };
    /** Where the process runs; null for the launcher's own directory. */
    protected Path workingDirectory;
    private final Map<String, String> environment;
    private final Probe probe;
    private final Path logFile;
    private final Console console;
    private final Deque<String> recent = new ArrayDeque<>();
    /** Whether this launcher copies the output (to show it too), or the process writes its file itself. */
    private volatile boolean piped;
    /** The log file's length when the process started: what follows is its own output. */
    private volatile long outputStart;
    private volatile Process process;

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

    /**
     * How a throwaway copy of the process is run so that the JVM records its start into a cache:
     * JVM options added before the main class or jar (they win over the same options earlier on the
     * line), environment overrides, and what ends the run: a probe that says the copy has started
     * (then it is asked to stop), or null when the copy exits by itself; optionally arguments added
     * at the end of the line and a step that prepares files for the copy.
     */
    public record Training(List<String> options, Map<String, String> environment, Probe startedWhen,
                           List<String> arguments, Preparation before) {

        public Training(List<String> options, Map<String, String> environment, Probe startedWhen) {
            this(options, environment, startedWhen, List.of(), () -> { });
        }
    }

    /** Gives the process a JVM start-up cache; {@code training} makes a run given a free port. */
    void cachedBy(AheadOfTimeCache cache, IntFunction<Training> training) {
        cache.usedBy(command);
        this.cache = cache;
        this.training = training;
    }

    /** Its start-up cache, when it has one and the JDK can use it. */
    Optional<AheadOfTimeCache> cache() {
        return cache != null && AheadOfTimeCache.supported() ? Optional.of(cache) : Optional.empty();
    }

    /** Files to make before the process starts (run on every start: it must be quick when nothing changed). */
    void preparedBy(Preparation step) {
        this.preparation = step;
    }

    /** A step before the start that may fail with any exception. */
    @FunctionalInterface
    interface Preparation {
        void run() throws Exception;
    }

    /** Hook for components that must prepare files before their first start. */
    protected void prepare() throws Exception {
        preparation.run();
    }

    @Override
    public void start() throws Exception {
        prepare();
        List<String> full = new ArrayList<>(command);
        List<String> cacheOptions = cache().map(AheadOfTimeCache::startOptions).orElse(List.of());
        full.addAll(1, cacheOptions.isEmpty() ? startOptions : cacheOptions);
        Files.createDirectories(logFile.getParent());
        outputStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        // Nobody watches the lines here unless the console shows them, so the process appends to
        // its file itself: copying every access line through this process cost as much CPU as a
        // service's share of a page (docs/performance.md).
        piped = console.echoesLogs();
        process = launch(full, environment, piped ? Redirect.PIPE : Redirect.appendTo(logFile.toFile()));
        if (piped) {
            Thread.ofVirtual().name(name + "-output").start(this::pumpOutput);
        }
    }

    @Override
    public List<String> notes() {
        return cache().flatMap(AheadOfTimeCache::rejection)
                .map(said -> List.of(name + "'s start-up cache could not be used (the JVM said: " + said
                        + "); it started without it, and a new one will be trained"))
                .orElse(List.of());
    }

    private Process launch(List<String> line, Map<String, String> env, Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        // glibc gives every thread that allocates its own 64 MB malloc arena; a JVM has dozens of
        // threads, so the arenas add tens of MB of resident memory per process for nothing
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * Trains the start-up cache with a copy of the process on a free port, at low priority so the
     * running system keeps the CPU; the cache is taken only from a run that ended well. Returns
     * whether a cache was made. Interrupting the calling thread ends the copy and leaves nothing.
     */
    boolean trainCache(Path log) throws Exception {
        AheadOfTimeCache target = cache().orElseThrow();
        Training run = training.apply(freePort());
        run.before().run();
        List<String> line = new ArrayList<>(command);
        line.addAll(run.arguments());
        int main = Math.max(line.indexOf("-jar"), line.indexOf("-cp"));
        line.addAll(main < 0 ? line.size() : main, run.options());
        line.add(1, "-XX:AOTCacheOutput=" + target.trainingOutput());
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            line.addAll(0, List.of("/usr/bin/nice", "-n", "10"));
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(run.environment());
        target.discardTraining();
        Process copy = launch(line, env, Redirect.appendTo(log.toFile()));
        boolean adopted = false;
        try {
            boolean started = true;
            if (run.startedWhen() != null) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRAINING_SECONDS);
                while (copy.isAlive() && !(started = run.startedWhen().ready()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                copy.destroy(); // SIGTERM: the JVM writes the cache as it exits
            }
            // a run that failed (or never started) recorded a start that is not the real one
            boolean endedWell = copy.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS) && started
                    && (copy.exitValue() == 0 || (run.startedWhen() != null && copy.exitValue() == SIGTERM_EXIT));
            adopted = endedWell && target.adopt();
            return adopted;
        } finally {
            if (copy.isAlive()) {
                // the JVM writes the cache from a child process of its own: end both
                copy.descendants().forEach(ProcessHandle::destroyForcibly);
                copy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (!adopted) {
                target.discardTraining();
            }
        }
    }

    /** A port nothing listens on now (the system's choice). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.newLine();
                // one write per burst, not per line: under load (an access line per request) a
                // write per line kept this thread behind, the pipe filled and the services' logging
                // waited for it; the file is still current whenever the process pauses
                if (!in.ready()) {
                    file.flush();
                }
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
    public OptionalInt exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
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
        if (piped) {
            synchronized (recent) {
                return new ArrayList<>(recent);
            }
        }
        return new LogFile(name, logFile, ZoneId.systemDefault()).lastLines(outputStart, KEPT_LINES);
    }

    /** Like {@link #write}, but readable by its owner only from the first byte on (a file with secrets). */
    static void writePrivately(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
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
