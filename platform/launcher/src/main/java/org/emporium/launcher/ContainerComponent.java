package org.emporium.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A service run by {@code podman run} (see {@link Containers}): the launcher holds Podman's
 * client process, which passes signals on to the container, but reports the container's own
 * process (its JVM) as the pid, so {@code status} measures the service's memory, and a SIGTERM
 * from {@code ./emporium stop} or a test reaches the JVM as it would on a cluster.
 */
final class ContainerComponent extends ProcessComponent {

    private final Containers containers;
    private final String container;
    private volatile long containerPid = -1;

    ContainerComponent(String name, List<String> needs, int port, String url, List<String> command,
                       Map<String, String> environment, Probe probe, Path logFile, Console console,
                       Containers containers, String container) {
        super(name, needs, port, url, command, environment, probe, logFile, console);
        this.containers = containers;
        this.container = container;
    }

    /** A start (or a restart after the container died): the new container's process is found anew. */
    @Override
    public void start() throws Exception {
        containerPid = -1;
        super.start();
    }

    /** The container's main process once it runs; until then Podman's client. */
    @Override
    public long pid() {
        if (containerPid <= 0 && isAlive()) {
            containerPid = containers.mainPid(container);
        }
        return containerPid > 0 && ProcessHandle.of(containerPid).map(ProcessHandle::isAlive).orElse(false)
                ? containerPid : super.pid();
    }
}
