package org.emporium.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./emporium} run as a user runs it, on a data folder of its own: {@code up} in the
 * background until it reports ready, other verbs to their end. The ports follow from
 * {@code EMPORIUM_PORT_OFFSET}, which the build sets for the test JVM and the launcher inherits.
 */
public final class LauncherProcess {

    /** What a verb printed (its standard output) and its exit status. */
    public record Result(int code, String printed) {
    }

    private final Path root;
    private final Path home;
    /** What {@code up} printed so far; copy-on-write: the readiness check streams over it while the reader appends. */
    public final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    public LauncherProcess(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** Starts {@code ./emporium up --quiet} with {@code options} and waits for "Emporium is ready". */
    public void up(Duration readyWithin, String... options) {
        output.clear();
        List<String> command = new ArrayList<>(List.of(root.resolve("emporium").toString(), "up", "--quiet"));
        command.addAll(List.of(options));
        try {
            process = builder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    System.out.println("[emporium] " + line);
                }
            } catch (IOException ignored) {
                // the launcher has exited
            }
        });
        SystemHarness.await(readyWithin, "Emporium to report ready",
                () -> output.stream().anyMatch(l -> l.contains("Emporium is ready")) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("./emporium up exited with " + process.exitValue() + ":\n" + String.join("\n", output));
        }
    }

    /** Runs a verb on this data folder to its end; its errors go to the build's output. */
    public Result run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("emporium").toString()));
        command.addAll(List.of(arguments));
        try {
            Process verb = builder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String printed = new String(verb.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!verb.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                verb.destroyForcibly();
                throw new IllegalStateException("./emporium " + String.join(" ", arguments) + " did not end within " + timeout);
            }
            return new Result(verb.exitValue(), printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the launcher the way Ctrl-C does (a signal it handles by stopping everything); its exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop within 90 s");
        }
        return process.exitValue();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** What the running {@code up} wrote to run/state.properties: each component's pid, port, health URL. */
    public Properties runState() {
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("run/state.properties"))) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("EMPORIUM_HOME", home.toString());
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }
}
