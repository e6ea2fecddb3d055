package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The services run from their container images by Podman ({@code ./emporium up --containers}),
 * as a cluster runs them: read-only root filesystem, the non-root user, a memory limit the heap is
 * a share of, only {@code /tmp} and the service's data folder writable. They share the host's
 * network, so the embedded Postgres, Kafka and Redis and the other services are where the
 * launcher's wiring says. Podman reads the project's {@code deploy/podman/containers.conf}
 * (runc, and open-file and process limits a container may have on machines with low hard limits).
 */
final class Containers {

    static final String CONFIG = "deploy/podman/containers.conf";

    private final Workspace workspace;
    private final String version;

    Containers(Workspace workspace, String version) {
        this.workspace = workspace;
        this.version = version;
    }

    /** What Podman runs with: the project's configuration. */
    Map<String, String> environment() {
        return Map.of("CONTAINERS_CONF", workspace.artifact(CONFIG).toString());
    }

    /** Stops with a sentence when Podman is missing or cannot run a container here. */
    void checkPodman() {
        if (!works()) {
            throw new IllegalStateException("--containers needs Podman (sudo apt-get install podman runc)");
        }
    }

    /** Whether Podman answers here (installed, and its runtime works). */
    boolean works() {
        return podman(List.of("info", "--format", "{{.Host.OCIRuntime.Name}}"), 60) != null;
    }

    /** Loads an image archive into Podman. */
    void loadArchive(Path archive) {
        if (podman(List.of("load", "--quiet", "--input", archive.toString()), 300) == null) {
            throw new IllegalStateException("podman could not load " + archive);
        }
    }

    /** Runs podman with these arguments: its output, or null when it failed. */
    String run(List<String> arguments, int seconds) {
        return podman(arguments, seconds);
    }

    /** Loads the service's image archive into Podman when the archive is newer than the last load. */
    void load(String service) throws IOException {
        Path archive = Images.archive(workspace, service);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no image of " + service + " in " + archive.getParent()
                    + "; build them first: ./emporium images --base offline (or another base)");
        }
        Path loaded = archive.resolveSibling(service + ".loaded");
        String stamp = Files.size(archive) + " " + Files.getLastModifiedTime(archive).toMillis();
        if (Files.exists(loaded) && Files.readString(loaded).equals(stamp)) {
            return;
        }
        loadArchive(archive);
        Files.writeString(loaded, stamp);
    }

    /**
     * A sentence when the service was built after its image was: the container would run the older
     * code (images are built by {@code ./emporium images}, not by {@code up}).
     */
    Optional<String> olderThanBuild(Node service) throws IOException {
        Path archive = Images.archive(workspace, service.name());
        Path built = workspace.artifact(service.artifact());
        if (Files.exists(archive) && Files.exists(built)
                && Files.getLastModifiedTime(built).compareTo(Files.getLastModifiedTime(archive)) > 0) {
            return Optional.of(service.name() + "'s image is older than its last build: the container runs the image's code"
                    + " (./emporium images makes new ones)");
        }
        return Optional.empty();
    }

    /** The container's name: one per service and port, so a second system (the tests') runs beside. */
    static String name(String service, int port) {
        return "emporium-" + service + "-" + port;
    }

    /**
     * The {@code podman run} line of a service: its settings passed by name only (Podman takes their
     * values from its own environment, so secrets stay off the command line), a folder setting
     * ({@code *_DIR}) mounted at the same path and owned by the image's user, and the launcher's own
     * {@code EMPORIUM_*} and {@code QUARKUS_*} variables passed on as a process inherits them.
     */
    List<String> runCommand(Node service, int port, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of("podman", "run", "--rm", "--name", name(service.name(), port),
                "--network", "host", "--read-only", "--user", Images.USER + ":" + Images.USER,
                "--cap-drop", "all", "--security-opt", "no-new-privileges",
                "--memory", service.memory().containerLimitMb() + "m", "--stop-timeout", "25"));
        for (String name : passedOn(settings).keySet()) {
            command.addAll(List.of("--env", name));
            if (name.endsWith("_DIR")) {
                command.addAll(List.of("--volume", settings.get(name) + ":" + settings.get(name) + ":U"));
            }
            if (name.equals("EMPORIUM_FAULTS_FILE")) { // its folder: the file is replaced on each change
                String folder = java.nio.file.Path.of(settings.get(name)).getParent().toString();
                command.addAll(List.of("--volume", folder + ":" + folder + ":ro"));
            }
        }
        command.add("emporium/" + service.name() + ":" + version);
        return command;
    }

    /** The service's settings and the launcher's EMPORIUM_* and QUARKUS_* variables (settings win). */
    static Map<String, String> passedOn(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("EMPORIUM_") || name.startsWith("QUARKUS_")) {
                all.put(name, value);
            }
        });
        all.putAll(settings);
        return all;
    }

    /** Folders the container writes must exist before Podman mounts them. */
    void prepareFolders(Map<String, String> settings) throws IOException {
        for (var setting : settings.entrySet()) {
            if (setting.getKey().endsWith("_DIR")) {
                Files.createDirectories(Path.of(setting.getValue()));
            }
        }
    }

    /** Removes a container of this name left by a launcher that was killed. */
    void removeLeftover(String container) {
        podman(List.of("rm", "--force", "--ignore", container), 60);
    }

    /** The host's pid of the container's main process; -1 while it has none. */
    long mainPid(String container) {
        String pid = podman(List.of("inspect", "--format", "{{.State.Pid}}", container), 30);
        try {
            return pid == null ? -1 : Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs podman; its output, or null when it failed. */
    private String podman(List<String> arguments, int seconds) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
