package org.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.emporium.harness.SystemHarness;

/** Podman, asked what it runs, with the project's configuration (as the launcher runs it). */
final class Podman {

    private static String problem;

    private Podman() {
    }

    /** What a container is, as {@code podman inspect} says. */
    record Inspected(String user, boolean readOnlyRoot, long memoryLimit, long pid, Map<String, String> labels) {
    }

    /** Whether Podman is installed and its runtime answers. */
    static boolean works() {
        try {
            run("info", "--format", "{{.Host.OCIRuntime.Name}}");
            return true;
        } catch (IllegalStateException e) {
            problem = e.getMessage();
            return false;
        }
    }

    static String problem() {
        return problem;
    }

    static Inspected inspect(String container) {
        JsonNode state = SystemHarness.read(run("inspect", container)).get(0);
        Map<String, String> labels = new LinkedHashMap<>();
        state.path("Config").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new Inspected(state.path("Config").path("User").asText(), state.path("HostConfig").path("ReadonlyRootfs").asBoolean(),
                state.path("HostConfig").path("Memory").asLong(), state.path("State").path("Pid").asLong(), labels);
    }

    /** Loads an image archive. */
    static void load(Path archive) {
        run("load", "--quiet", "--input", archive.toString());
    }

    /** An image's entry point, as one string. */
    static String entrypoint(String image) {
        return run("image", "inspect", "--format", "{{.Config.Entrypoint}}", image);
    }

    /** The real, effective, saved and file-system uids of a process (its {@code Uid:} line in /proc). */
    static List<String> uids(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("Uid:")) {
                    return List.of(line.substring(4).strip().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no process " + pid, e);
        }
        throw new IllegalStateException("no Uid line for process " + pid);
    }

    /** What a finished {@code podman run} printed, and its exit code. */
    record Exited(int code, List<String> lines) {
    }

    /** Runs a container to its end (at most a minute): its exit code and every line it printed. */
    static Exited runToEnd(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman", "run", "--rm"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", SystemHarness.ROOT.resolve("deploy/podman/containers.conf").toString());
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("podman run did not end within 60 s: " + out);
            }
            return new Exited(process.exitValue(), out.lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", SystemHarness.ROOT.resolve("deploy/podman/containers.conf").toString());
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("podman " + String.join(" ", arguments) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("podman is not installed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
