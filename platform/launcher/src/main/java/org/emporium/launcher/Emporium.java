package org.emporium.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ./emporium} command line: up, stop, status, top, logs, token, graph, modules, manifests, images. */
@Command(name = "emporium", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "emporium 0.1.0",
        description = "Runs Emporium on this machine: real infrastructure, every service its own process.",
        subcommands = {Emporium.Up.class, Emporium.Stop.class, Emporium.Status.class, Emporium.Scale.class, Emporium.TopCommand.class,
                Emporium.Logs.class, Chaos.class,
                Emporium.Token.class, Emporium.RotateKeys.class, Emporium.GraphCommand.class, Emporium.Modules.class, Emporium.ManifestsCommand.class,
                Emporium.ImagesCommand.class})
public final class Emporium {

    @Option(names = "--root", hidden = true, defaultValue = ".")
    Path root;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, whose errors in what it was given are one line (and exit code 2): the
     * problem and where help is, not the whole usage text.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Emporium()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("emporium: " + e.getMessage() + " (see ./" + failed.getCommandSpec().qualifiedName()
                    + " --help)");
            return 2;
        });
        return cli;
    }

    Workspace workspace() {
        return new Workspace(root.toAbsolutePath().normalize());
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static boolean colourful() {
        return interactive() && System.getenv("NO_COLOR") == null;
    }

    /** A person at a terminal (not CI, not a pipe or a file): progress may be redrawn in place. */
    static boolean interactive() {
        // the ./emporium script knows (test -t 1); System.console() does not say on every JDK
        return "1".equals(System.getenv("EMPORIUM_INTERACTIVE")) && !"true".equals(System.getenv("CI"))
                && !"dumb".equals(System.getenv("TERM"));
    }

    @Command(name = "up", description = "Start the infrastructure and every service; Ctrl-C stops them all.")
    static final class Up implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Option(names = "--logs", description = "Echo the processes' logs here (they are always written to .emporium/logs).")
        boolean logs;

        @Option(names = "--quiet", description = "Do not echo the processes' logs (the default; kept for scripts).")
        boolean quiet;

        @Option(names = "--containers", description = "Run the services from their images (./emporium images) with Podman, "
                + "read-only and as a non-root user, as a cluster runs them; the infrastructure stays embedded.")
        boolean containers;

        @Option(names = "--scale", paramLabel = "<service>=<n>", split = ",",
                description = "Run several copies of services from the start, e.g. --scale storefront=2,catalog=3 "
                        + "(./emporium scale changes it while the system runs).")
        List<String> scale = List.of();

        @Override
        public Integer call() {
            long begin = System.nanoTime();
            Workspace workspace = parent.workspace();
            Console console = new Console(System.out, colourful(), !logs || quiet);
            RunState previous = RunState.read(workspace.stateFile());
            if (previous != null && ProcessHandle.of(previous.launcherPid()).map(ProcessHandle::isAlive).orElse(false)) {
                console.fail("Emporium is already running (launcher pid " + previous.launcherPid()
                        + "); use ./emporium status or ./emporium stop");
                return 1;
            }
            workspace.create();
            // a start begins with no faults
            org.emporium.platform.faults.FlagFile.empty().write(workspace.faultsFile());
            try {
                Files.deleteIfExists(Outages.file(workspace));
            } catch (IOException e) {
                console.fail("cannot remove " + Outages.file(workspace) + ": " + e.getMessage());
                return 1;
            }
            Launch launch;
            CacheTraining training;
            try {
                Containers podman = null;
                if (containers) {
                    podman = new Containers(workspace, ManifestsFiles.projectVersion());
                    podman.checkPodman();
                }
                Map<String, Integer> counts = Instances.parse(scale);
                Processes processes = new Processes(workspace, console, java(), podman);
                List<Component> components = new ArrayList<>(processes.components());
                // a copy's start-up cache is its first copy's: trained once, by the first
                training = new CacheTraining(List.copyOf(components), workspace, console);
                components.addAll(Scaling.extraCopies(counts, processes::instance));
                launch = new Launch(components, console);
                launch.checkPorts();
                Path asked = Scaling.file(workspace);
                Files.deleteIfExists(asked);
                if (!counts.isEmpty()) {
                    Scaling.ask(asked, counts);
                }
                registry = new Registry(URI.create(new LocalWiring(workspace, Topology.GRAPH).registryUrl().orElseThrow()), console);
                scaling = new Scaling(launch, registry, processes::instance, console, asked);
                scaling.check(); // takes the counts above as already done: their copies start with the rest
            } catch (RuntimeException | IOException e) {
                console.fail(e.getMessage());
                return 1;
            }
            if (!training.untrained().isEmpty()) {
                console.progress("no start-up cache yet for " + String.join(", ", training.untrained())
                        + " (first start, a new build or another JDK): this start is slower; the caches are"
                        + " trained in the background once the system is ready");
            }
            if (interactive() && (!logs || quiet)) {
                console.liveTable();
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                console.endTable();
                training.stop();
                launch.stopAll();
                try {
                    Files.deleteIfExists(workspace.stateFile());
                } catch (IOException ignored) {
                    // a stale state file is harmless: its pids are checked before use
                }
                console.ok("stopped");
                stopped.countDown();
            }, "emporium-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            // Launch counts from its own start, a moment after ours; the state counts from the start of up
            long launchBegin = System.nanoTime();
            Duration before = Duration.ofNanos(launchBegin - begin);
            supervisor = Supervisor.of(launch, console, () -> writeState(workspace, launch, before, null));
            outages = Outages.of(launch, console, workspace);
            supervisor.leaveAlone(outages::holds);
            launch.onStarted(() -> writeState(workspace, launch, before, null));
            writeState(workspace, launch, before, null);
            keepRegistered(launch, stopped);
            try {
                launch.startAll();
            } catch (Launch.LaunchException e) {
                console.endTable();
                console.fail(e.getMessage());
                console.fail("stopping what was started");
                return 1; // the shutdown hook stops the rest
            }
            console.endTable();
            Duration ready = Duration.ofNanos(System.nanoTime() - begin);
            writeState(workspace, launch, before, ready);
            printTable(console, launch, workspace, ready);
            training.start();
            watch(stopped);
            return 0;
        }

        /** Until everything stops, restarts a process that died (see {@link Supervisor}); the rest keeps running. */
        private void watch(CountDownLatch stopped) {
            try {
                while (!stopped.await(1, TimeUnit.SECONDS)) {
                    outages.check();
                    supervisor.check();
                    scaling.check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * From the start until everything stops, every second: the registry lists exactly the
         * services' instances that answer ready (see {@link Registry}).
         */
        private void keepRegistered(Launch launch, CountDownLatch stopped) {
            Thread.ofPlatform().daemon().name("emporium-registrar").start(() -> {
                try {
                    do {
                        if (!launch.isStopping()) {
                            registry.check(launch.started().stream().filter(c -> !c.isInfrastructure()).toList());
                        }
                    } while (!stopped.await(1, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        private volatile Registry registry;
        private volatile Scaling scaling;
        private volatile Outages outages;

        /** Restarts what dies once everything is ready; the state file counts its restarts. */
        private volatile Supervisor supervisor;
        /** When all were ready, from the start of up; kept for the writes after it (a restart's). */
        private volatile Duration allReady;

        /** @param ready from the start of up until all were ready; null while starting or to keep the last one */
        private synchronized void writeState(Workspace workspace, Launch launch, Duration before, Duration ready) {
            if (ready != null) {
                allReady = ready;
            }
            Map<String, Integer> restarts = supervisor == null ? Map.of() : supervisor.restarts();
            List<RunState.Entry> entries = new ArrayList<>();
            for (Component c : launch.started()) {
                Duration after = launch.readyAfter().get(c.name());
                entries.add(new RunState.Entry(c.name(), c.pid(), c.port(), c.url(), c.healthUrl(),
                        after == null ? null : seconds(before.plus(after)), restarts.getOrDefault(c.name(), 0)));
            }
            new RunState(ProcessHandle.current().pid(), allReady == null ? null : seconds(allReady), entries)
                    .write(workspace.stateFile());
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }

        private static void printTable(Console console, Launch launch, Workspace workspace, Duration took) {
            console.plain("");
            console.ok(String.format("Emporium is ready in %.1f s", took.toMillis() / 1000.0));
            console.plain("");
            console.plain(String.format("  %-17s %-32s %s", "component", "address", "pid"));
            for (Component c : launch.started()) {
                console.plain(String.format("  %-17s %-32s %d", c.name(), c.url(), c.pid()));
            }
            int gateway = Topology.port("gateway");
            console.plain("");
            console.plain("  Shop:        http://localhost:" + gateway + "/");
            console.plain("  Catalog API: http://localhost:" + gateway + "/api/catalog/products?size=5");
            console.plain("  Search API:  http://localhost:" + gateway + "/api/search?q=hedphones&size=5");
            console.plain("  Traces:      http://localhost:" + Topology.port("zipkin") + "/zipkin/");
            console.plain("  Accounts:    http://localhost:" + Topology.port("identity") + "/signup   (admin: admin@emporium.local,"
                    + " password in " + new LocalWiring(workspace, Topology.GRAPH).adminPasswordFile() + ")");
            console.plain("  API token:   ./emporium token   (a client-credentials token for admin API calls)");
            console.plain("  Logs:        " + workspace.logs() + "   Stop: Ctrl-C or ./emporium stop");
            console.plain("");
        }
    }

    @Command(name = "scale", description = "Run as many copies of services as given, while the system runs: "
            + "./emporium scale catalog=3 storefront=2 (1 to " + Instances.MAX + " each). New copies start on free ports and "
            + "join the registry once ready; copies taken away leave it, drain, and stop gracefully.")
    static final class Scale implements Callable<Integer> {

        /** A copy needs a JVM start on a busy machine, and waits for what its service waits for. */
        private static final Duration DEADLINE = Duration.ofSeconds(180);

        @CommandLine.ParentCommand
        Emporium parent;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "<service>=<n>", description = "e.g. catalog=3")
        List<String> assignments;

        @Override
        public Integer call() throws InterruptedException {
            Workspace workspace = parent.workspace();
            Console console = new Console(System.out, colourful(), false);
            Map<String, Integer> counts;
            try {
                counts = Instances.parse(assignments);
            } catch (IllegalArgumentException e) {
                System.err.println("emporium: " + e.getMessage());
                return 2;
            }
            RunState state = RunState.read(workspace.stateFile());
            if (state == null || ProcessHandle.of(state.launcherPid()).map(p -> !p.isAlive()).orElse(true)) {
                console.fail("Emporium is not running; start it with copies: ./emporium up --scale "
                        + String.join(",", assignments));
                return 3;
            }
            Scaling.ask(Scaling.file(workspace), counts);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (true) {
                state = RunState.read(workspace.stateFile());
                if (state == null) {
                    console.fail("Emporium stopped meanwhile");
                    return 1;
                }
                if (matches(state, counts)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    console.fail("not every copy was ready within " + DEADLINE.toSeconds() + " s; see ./emporium status"
                            + " and .emporium/logs/<copy>.log");
                    return 1;
                }
                Thread.sleep(250);
            }
            for (String service : counts.keySet()) {
                List<String> copies = state.entries().stream().filter(e -> Instances.service(e.name()).equals(service))
                        .map(e -> e.name() + " :" + e.port()).toList();
                console.ok(service + ": " + String.join(", ", copies));
            }
            return 0;
        }

        /** Whether the running system has exactly the copies asked for, every one of them ready. */
        static boolean matches(RunState state, Map<String, Integer> counts) {
            return counts.entrySet().stream().allMatch(want -> {
                List<RunState.Entry> copies = state.entries().stream()
                        .filter(e -> Instances.service(e.name()).equals(want.getKey())).toList();
                return copies.size() == want.getValue() && copies.stream().allMatch(e -> e.readySeconds() != null);
            });
        }
    }

    @Command(name = "token", description = "Print an access token of the emporium-services client (role service, "
            + "allowed where admin is) from the running identity service: EMPORIUM_TOKEN=$(./emporium token)")
    static final class Token implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Override
        public Integer call() throws Exception {
            Workspace workspace = parent.workspace();
            Wiring wiring = new LocalWiring(workspace, Topology.GRAPH);
            String secret = wiring.servicesClientSecret();
            String issuer = wiring.issuer();
            try {
                System.out.println(ServiceToken.fetch(issuer, "emporium-services", secret));
                return 0;
            } catch (IOException e) {
                System.err.println("no token: " + e.getMessage() + " (is Emporium running? ./emporium status)");
                return 1;
            }
        }
    }

    @Command(name = "rotate-keys", description = "Make identity sign tokens with a new key. The old key stays in its "
            + "published key set until the tokens it signed have expired, so nobody is signed out.")
    static final class RotateKeys implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Override
        public Integer call() throws Exception {
            Wiring wiring = new LocalWiring(parent.workspace(), Topology.GRAPH);
            try {
                String token = ServiceToken.fetch(wiring.issuer(), "emporium-services", wiring.servicesClientSecret());
                HttpRequest request = HttpRequest.newBuilder(URI.create(wiring.internalUrl("identity") + "/api/signing-keys/rotation"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        System.err.println("identity refused the rotation (" + response.statusCode() + "): " + response.body());
                        return 1;
                    }
                    System.out.println("identity signs with a new key now: " + response.body());
                    return 0;
                }
            } catch (IOException e) {
                System.err.println("no rotation: " + e.getMessage() + " (is Emporium running? ./emporium status)");
                return 1;
            }
        }
    }

    @Command(name = "graph", description = "Print the service graph: who calls whom, who uses which store and topic.")
    static final class GraphCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Option(names = "--mermaid", description = "Print a Mermaid flowchart (for the docs) instead of text.")
        boolean mermaid;

        @Override
        public Integer call() {
            Graph graph = Graph.of(parent.workspace().artifact(Graph.EVENT_CONTRACT));
            System.out.print(mermaid ? graph.mermaid() : graph.text());
            return 0;
        }
    }

    @Command(name = "manifests", description = "Write each service's Kubernetes manifests (deploy/k8s/base) and network "
            + "policies (deploy/k8s/components/network-policies), generated from the service graph (ADR 0010); "
            + "--check only says whether the committed ones are current.")
    static final class ManifestsCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Option(names = "--check", description = "Write nothing; exit 1 naming each file that differs.")
        boolean check;

        @Override
        public Integer call() throws IOException {
            boolean current = true;
            for (var folder : new TreeMap<>(new Manifests(ManifestsFiles.projectVersion(),
                    parent.workspace().artifact(Graph.EVENT_CONTRACT)).folders()).entrySet()) {
                ManifestsFiles files = new ManifestsFiles(parent.root.resolve(folder.getKey()), folder.getValue());
                List<String> stale = files.stale();
                current &= stale.isEmpty();
                if (check) {
                    stale.forEach(f -> System.out.println("out of date: " + folder.getKey() + "/" + f));
                    continue;
                }
                files.write();
                System.out.println((stale.isEmpty() ? "up to date: " : "written: ") + folder.getKey()
                        + (stale.isEmpty() ? "" : " (" + String.join(", ", stale) + ")"));
            }
            return check && !current ? 1 : 0;
        }
    }

    @Command(name = "images", description = "Build a container image of every service (or of those named) with Jib, "
            + "no Docker daemon: archives in .emporium/images (podman load -i / docker load -i), or pushed with --push.")
    static final class ImagesCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Option(names = "--base", defaultValue = "${env:EMPORIUM_BASE_IMAGE:-" + Images.PUBLIC_BASE + "}",
                description = "The base image: a registry's (default ${DEFAULT-VALUE}, or EMPORIUM_BASE_IMAGE), tar://<archive>, "
                        + "or 'offline': made here from Debian packages and a jlink runtime, with no registry.")
        String base;

        @Option(names = "--push", paramLabel = "REGISTRY",
                description = "Push to this registry (host[:port][/path]) instead of writing archives; credentials from "
                        + "docker/podman login or EMPORIUM_REGISTRY_USERNAME and EMPORIUM_REGISTRY_PASSWORD.")
        String registry;

        @CommandLine.Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Only these services.")
        List<String> only = new ArrayList<>();

        @Option(names = "--start-up-cache", description = "Record a JVM start-up cache (Quarkus' static initialisation) "
                + "into each Quarkus service's image: Podman runs each image once (about 20 s each); see ADR 0011 for what it gains.")
        boolean startUpCache;

        @Override
        public Integer call() {
            Console console = new Console(System.out, colourful(), false);
            List<Node> services = Topology.services().stream()
                    .filter(s -> only.isEmpty() || only.contains(s.name())).toList();
            List<String> unknown = only.stream().filter(name -> services.stream().noneMatch(s -> s.name().equals(name))).toList();
            if (!unknown.isEmpty()) {
                console.fail("no such service: " + String.join(", ", unknown) + " (the services: "
                        + String.join(", ", Topology.services().stream().map(Node::name).toList()) + ")");
                return 2;
            }
            long begin = System.nanoTime();
            try {
                Images images = new Images(parent.workspace(), ManifestsFiles.projectVersion(), base,
                        Optional.ofNullable(registry), console);
                Containers podman = new Containers(parent.workspace(), ManifestsFiles.projectVersion());
                if (startUpCache && !podman.works()) {
                    console.fail("--start-up-cache needs Podman, which cannot run containers here (sudo apt-get install podman runc)");
                    return 1;
                }
                if (startUpCache) {
                    images.trainedBy(new ImageCacheTraining(podman, images.folder().resolve("training")));
                }
                List<Images.Built> built = images.build(services);
                console.ok(String.format("%d image%s in %.0f s%s", built.size(), built.size() == 1 ? "" : "s", (System.nanoTime() - begin) / 1e9,
                        registry == null ? "; load one: podman load -i " + images.folder() + "/<service>.tar" : ""));
                return 0;
            } catch (Exception e) {
                console.fail("images: " + Images.explain(e));
                return 1;
            }
        }
    }

    @Command(name = "modules", description = "Print each service's Maven module and the artifact that proves it was "
            + "built, one per line (the emporium script builds what is stale from this list).")
    static final class Modules implements Callable<Integer> {

        @Override
        public Integer call() {
            System.out.println(Processes.INFRASTRUCTURE_MODULE + ":" + Processes.INFRASTRUCTURE_ARTIFACT);
            System.out.println(Processes.REGISTRY_MODULE + ":" + Processes.REGISTRY_ARTIFACT);
            System.out.println(Images.SETTINGS_CHECK_MODULE + ":" + Images.SETTINGS_CHECK_JAR);
            Topology.services().forEach(s -> System.out.println(s.module() + ":" + s.artifact()));
            return 0;
        }
    }

    @Command(name = "stop", description = "Stop a running Emporium (from any terminal).")
    static final class Stop implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Override
        public Integer call() throws Exception {
            Workspace workspace = parent.workspace();
            Console console = new Console(System.out, colourful(), false);
            RunState state = RunState.read(workspace.stateFile());
            List<Long> pids = new ArrayList<>();
            if (state != null) {
                Optional<ProcessHandle> launcher = ProcessHandle.of(state.launcherPid());
                if (launcher.isPresent() && launcher.get().isAlive()) {
                    console.progress("asking the launcher (pid " + state.launcherPid() + ") to stop everything");
                    launcher.get().destroy();
                    launcher.get().onExit().get(90, TimeUnit.SECONDS);
                }
                state.entries().forEach(e -> pids.add(e.pid()));
            }
            // whatever is still alive (the launcher was killed, say) is stopped directly
            pids.add(PostgresComponent.postmasterPid(workspace));
            for (long pid : pids) {
                Optional<ProcessHandle> p = ProcessHandle.of(pid);
                if (pid > 0 && p.isPresent() && p.get().isAlive()) {
                    console.progress("stopping pid " + pid);
                    p.get().destroy();
                    try {
                        p.get().onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.get().destroyForcibly();
                    }
                }
            }
            try {
                Files.deleteIfExists(workspace.stateFile());
            } catch (IOException ignored) {
                // nothing to clean
            }
            console.ok("Emporium is stopped");
            return 0;
        }
    }

    @Command(name = "status", description = "List each process with its port, health, memory (PSS and RSS), "
            + "memory budget and how often it was restarted, and say which is over its budget.")
    static final class Status implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @Option(names = "--json", description = "Print the same as one JSON object (for scripts: tests/load reads it).")
        boolean json;

        @Override
        public Integer call() {
            Workspace workspace = parent.workspace();
            RunState state = RunState.read(workspace.stateFile());
            if (state == null) {
                System.out.println("Emporium is not running (no " + workspace.stateFile() + ")");
                return 3;
            }
            List<StatusReport.Row> rows = new ArrayList<>();
            Map<String, Instant> outages = Outages.read(Outages.file(workspace));
            Instant now = Instant.now();
            for (RunState.Entry e : state.entries()) {
                boolean postgres = e.name().equals("postgres");
                long pid = postgres ? PostgresComponent.postmasterPid(workspace) : e.pid();
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                String health = StatusReport.health(alive, alive && Chaos.paused(pid), outages.get(e.name()), now, () -> healthOf(workspace, e));
                rows.add(new StatusReport.Row(e.name(), pid, e.port(), e.url(), health,
                        e.readySeconds(), postgres ? Memory.tree(pid) : Memory.of(pid), Topology.budget(e.name()).pssMb(),
                        e.restarts()));
            }
            StatusReport report = new StatusReport(state.readySeconds(), rows,
                    StatusReport.launcher(state.launcherPid(), Memory.of(state.launcherPid())), Topology.MEMORY_BUDGET_MB);
            if (json) {
                System.out.println(report.json());
            } else {
                Console console = new Console(System.out, colourful(), false);
                System.out.print(report.table());
                report.overBudget().forEach(console::fail);
                report.onPurpose(outages, org.emporium.platform.faults.FlagFile.read(workspace.faultsFile()).flags().keySet())
                        .forEach(console::fail);
            }
            return report.allUp() ? 0 : 1;
        }

        private static String healthOf(Workspace workspace, RunState.Entry e) {
            return healthOf(workspace, e, Duration.ofSeconds(2));
        }

        /** "up" or "not ready" by the component's readiness probe (its process is alive), waiting at most {@code timeout}. */
        static String healthOf(Workspace workspace, RunState.Entry e, Duration timeout) {
            Probe probe = e.health() != null && !e.health().isBlank() ? Probe.http(e.health(), timeout)
                    : e.name().equals("redis") ? Probe.redis(e.port(), RedisComponent.password(workspace)) : Probe.tcp(e.port());
            return probe.ready() ? "up" : "not ready";
        }
    }

    @Command(name = "top", description = "A live view of the running system, refreshed every second until Ctrl-C: "
            + "per component requests/s, 5xx share, p99 latency, CPU, memory (PSS), open breakers, consumer lag, "
            + "outbox backlog and health.")
    static final class TopCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--once", description = "Print one frame (two readings an interval apart) and exit, for scripts.")
        boolean once;

        @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
                description = "Seconds between frames, and what rates and p99 are over (0.2 to 60; default ${DEFAULT-VALUE}).")
        double interval;

        /** Where readings come from: the running system, or a test's fake. */
        java.util.function.Function<Workspace, Top.Source> sources = LiveReadings::new;

        @Override
        public Integer call() throws InterruptedException {
            if (!(interval >= 0.2 && interval <= 60)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--interval: between 0.2 and 60 seconds, not " + interval);
            }
            Workspace workspace = parent.workspace();
            if (RunState.read(workspace.stateFile()) == null) {
                System.out.println("Emporium is not running (no " + workspace.stateFile() + ")");
                return 3;
            }
            Duration every = Duration.ofMillis(Math.round(interval * 1000));
            Top top = new Top(() -> {
                RunState state = RunState.read(workspace.stateFile());
                return state == null ? List.of() : state.entries();
            }, sources.apply(workspace));
            boolean colour = colourful();
            java.io.PrintStream out = System.out;
            long next = System.nanoTime();
            top.frame(); // the first reading: rates need two
            while (true) {
                next += every.toNanos();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                List<Top.Row> rows = top.frame();
                if (rows.isEmpty()) {
                    out.println("Emporium is not running (no " + workspace.stateFile() + ")");
                    out.flush();
                    return 3;
                }
                String frame = Top.render(rows, colour, every);
                if (once) {
                    out.print(frame);
                    out.flush();
                    return rows.stream().allMatch(r -> r.health().equals("up")) ? 0 : 1;
                }
                // redrawn in place on a terminal; one frame after another elsewhere
                out.print(interactive() ? "\u001b[H\u001b[2J" + frame : frame + "\n");
                out.flush();
            }
        }
    }

    @Command(name = "logs", description = "Print the components' log lines, each at its own time, merged in time "
            + "order: the last lines of all (or of those named), one trace's lines, what came since a time; --follow "
            + "keeps printing new lines until Ctrl-C.")
    static final class Logs implements Callable<Integer> {

        @CommandLine.ParentCommand
        Emporium parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(arity = "0..*", paramLabel = "COMPONENT",
                description = "Only these components (kafka, catalog, ...; also build and <service>-training); all the "
                        + "graph's when none is named.")
        List<String> names = new ArrayList<>();

        @Option(names = {"-n", "--lines"}, paramLabel = "N",
                description = "The last N lines (default 40; with --trace or --since all of them).")
        Integer lines;

        @Option(names = "--trace", paramLabel = "TRACE_ID",
                description = "Only the lines of this trace (its id as Zipkin and the services' JSON logs show it).")
        String trace;

        @Option(names = "--since", paramLabel = "WHEN",
                description = "Only lines since then: a duration back from now (30s, 5m, 2h, 1d) or a time (2026-12-05T19:00:00Z).")
        String since;

        @Option(names = "--level", paramLabel = "LEVEL",
                description = "Only lines of this level or more severe: ${COMPLETION-CANDIDATES} (a line with none counts as INFO).")
        LogLine.Level level;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are written, until Ctrl-C.")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            Path logs = parent.workspace().logs();
            List<String> known = LogView.known(logs);
            List<String> unknown = names.stream().filter(n -> !known.contains(n)).distinct().toList();
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such component: " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", known) + ")");
            }
            Instant from;
            try {
                from = since == null ? null : LogView.since(since, Instant.now(), ZoneId.systemDefault());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--since: " + e.getMessage());
            }
            if (lines != null && lines < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lines: must be 0 or more, not " + lines);
            }
            List<String> shown = LogView.shown(names, logs);
            if (!follow && LogView.withFiles(logs).stream().noneMatch(shown::contains)) {
                System.out.println("no logs yet" + (names.isEmpty() ? "" : " of " + String.join(", ", shown)));
                return 0;
            }
            Console console = new Console(System.out, colourful(), false);
            shown.forEach(console::register);
            LogView view = new LogView(logs, shown, ZoneId.systemDefault());
            LogFile.Filter filter = new LogFile.Filter(from, level, trace == null ? null : trace.strip());
            Integer limit = lines != null ? lines : trace != null || since != null ? null : 40;
            for (LogFile.Entry e : view.history(filter, limit)) {
                console.entry(e.component(), view.format(e, LocalDate.now()));
            }
            if (follow) {
                view.follow(filter, e -> console.entry(e.component(), view.format(e, LocalDate.now())), () -> false,
                        Duration.ofMillis(250));
            }
            return 0;
        }
    }
}
