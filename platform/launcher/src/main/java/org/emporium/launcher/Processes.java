package org.emporium.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the lines of the {@link Topology} into processes: the embedded infrastructure, Quarkus
 * services from their quarkus-app folder, Spring services from an AOT cache. How a process is
 * made lives here; what runs and what it uses lives in the table.
 */
public final class Processes {

    /** Where Kafka's classpath, Zipkin's and GreenMail's jars come from, and the file that proves it was built. */
    public static final String INFRASTRUCTURE_MODULE = "platform/infrastructure";
    public static final String INFRASTRUCTURE_ARTIFACT = INFRASTRUCTURE_MODULE + "/target/kafka.classpath";
    /** The service registry, a Eureka server of our own configuration (ADR 0012). */
    public static final String REGISTRY_MODULE = "platform/registry";
    public static final String REGISTRY_ARTIFACT = REGISTRY_MODULE + "/target/registry.jar";

    /**
     * Spans Zipkin keeps in memory before it drops the oldest traces. Measured with spans shaped
     * like the services' (HTTP server and client, JDBC; 7-12 tags): 2.15 KB of live heap each, on
     * top of 23 MB for Zipkin itself. SerialGC's old generation is two thirds of the heap, 85 MB
     * of Zipkin's 128. At 100,000 (215 MB) it died of OutOfMemoryError under load; at 20,000 (43 MB)
     * it lived, but made 59 full collections (30 s of CPU) in four minutes of product-page load,
     * CPU the services lacked. 10,000 (22 MB) leave it half its old generation spare. A product
     * page makes about ten spans: the last 1,000 or so requests stay searchable.
     */
    static final int ZIPKIN_MAX_SPANS = 10_000;
    /**
     * Mails the local mail server keeps: the newest, as Mailpit keeps in the cluster (its default,
     * set there explicitly, {@code MP_MAX_MESSAGES}). GreenMail alone keeps every mail: after a
     * few thousand orders its 64 MB heap was full (173 full collections, 4.5 ms of CPU per order in
     * the checkout benchmark) and next it died of OutOfMemoryError, every mail lost. Bounded, it
     * holds a few MB of mail at most (an order's confirmation is a few KB).
     */
    static final int MAIL_MAX_MESSAGES = 500;
    /** GreenMail's standalone jar, and the main class it runs with here (a bounded store; platform/infrastructure). */
    static final String GREENMAIL_JAR = INFRASTRUCTURE_MODULE + "/target/greenmail.jar";
    static final String BOUNDED_MAIL_JAR = INFRASTRUCTURE_MODULE + "/target/bounded-mail.jar";
    static final String BOUNDED_MAIL_MAIN = "org.emporium.infrastructure.mail.BoundedMailServer";
    /** Every JVM we run, here and in the cluster: a collector for small heaps, and no half-dead process after an OOM. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /**
     * And a Quarkus service's: Quarkus' own check of the request target, which answers one that is no
     * URI ({@code /%zz}) with an empty 400 before any route runs, is off, since service-defaults'
     * {@code RequestLimits} makes the same check first thing and answers with a problem.
     */
    static final List<String> QUARKUS_FLAGS = List.of("-Dvertx.disableURIValidation=true");

    private final Workspace workspace;
    private final Console console;
    private final String java;
    private final LocalWiring wiring;
    /** Runs the services from their images when set ({@code up --containers}). */
    private final Containers containers;

    public Processes(Workspace workspace, Console console, String java) {
        this(workspace, console, java, null);
    }

    Processes(Workspace workspace, Console console, String java, Containers containers) {
        this.workspace = workspace;
        this.console = console;
        this.java = java;
        this.wiring = new LocalWiring(workspace, Topology.GRAPH);
        this.containers = containers;
    }

    /** Every component of the graph, in the table's order. */
    public List<Component> components() {
        List<Component> components = new ArrayList<>();
        for (Node node : Topology.GRAPH) {
            Component component = switch (node.kind()) {
                case INFRASTRUCTURE -> infrastructure(node);
                case QUARKUS, SPRING -> containers != null ? container(node)
                        : node.kind() == Node.Kind.QUARKUS ? quarkus(node) : springWithAotCache(node);
            };
            console.register(component.name());
            components.add(component);
        }
        Component registry = registry();
        console.register(registry.name());
        components.add(registry);
        // local only, and only where the machine has it: the system runs the same without
        Optional<Path> prometheus = PrometheusServer.binary();
        if (prometheus.isPresent()) {
            Component component = PrometheusServer.component(prometheus.get(), workspace,
                    Topology.port("prometheus"), console);
            console.register(component.name());
            components.add(component);
        } else {
            console.progress(PrometheusServer.MISSING);
        }
        return components;
    }

    private Component infrastructure(Node node) {
        String name = node.name();
        int port = wiring.port(name);
        return switch (name) {
            case "postgres" -> new PostgresComponent(workspace, port, wiring.databases(), wiring.databaseConnections());
            case "kafka" -> new KafkaComponent(workspace, java, classpath(INFRASTRUCTURE_ARTIFACT),
                    port, wiring.kafkaControllerPort(), memoryFlags(node),
                    new KafkaAccess(wiring.kafkaPasswords(), Graph.topics(workspace.artifact(Graph.EVENT_CONTRACT)).values()),
                    console);
            case "redis" -> new RedisComponent(workspace, port, wiring.redisPassword(), console);
            case "zipkin" -> {
                String jar = artifact(INFRASTRUCTURE_MODULE + "/target/zipkin.jar");
                ProcessComponent zipkin = jvm("zipkin", "/health", List.of(),
                        // C1 only: Zipkin's own speed matters little, and full JIT work would slow the services' start
                        concat(memoryFlags(node), "-XX:TieredStopAtLevel=1",
                                // loopback only: Zipkin's server port is Armeria's first port, and a list
                                // set here replaces the one in Zipkin's settings whole, so all of it is set
                                "-Darmeria.ports[0].ip=127.0.0.1", "-Darmeria.ports[0].port=${server.port}",
                                "-Darmeria.ports[0].protocols[0]=http", "-jar", jar),
                        Map.of("QUERY_PORT", String.valueOf(port), "STORAGE_TYPE", "mem",
                                "MEM_MAX_SPANS", String.valueOf(ZIPKIN_MAX_SPANS), "LOGGING_LEVEL_ROOT", "WARN"));
                // Zipkin is a Spring Boot application: trained like ours, up to its refreshed context
                zipkin.cachedBy(new AheadOfTimeCache(workspace, "zipkin", List.of(Path.of(jar))),
                        free -> new ProcessComponent.Training(List.of("-Dspring.context.exit=onRefresh"),
                                Map.of("QUERY_PORT", String.valueOf(free)), null));
                yield zipkin;
            }
            case "mail" -> {
                String greenMail = artifact(GREENMAIL_JAR);
                String bounded = artifact(BOUNDED_MAIL_JAR);
                ProcessComponent mail = jvm("mail", "/api/service/readiness", List.of(),
                        mailFlags(memoryFlags(node), greenMail, bounded, wiring.smtpPort(), port, MAIL_MAX_MESSAGES), Map.of());
                // its training copy listens on free ports of its own
                mail.cachedBy(new AheadOfTimeCache(workspace, "mail", List.of(Path.of(greenMail), Path.of(bounded))),
                        free -> new ProcessComponent.Training(List.of("-Dgreenmail.api.port=" + free,
                                "-Dgreenmail.smtp.port=" + ProcessComponent.freePort()), Map.of(),
                                Probe.http("http://127.0.0.1:" + free + "/api/service/readiness")));
                yield mail;
            }
            default -> throw new IllegalStateException("the launcher does not know how to start " + name);
        };
    }

    /**
     * The service registry ({@code platform/registry}, a Eureka server; ADR 0012), run as the Spring
     * services are. Nothing waits for it: the launcher registers each instance once both answer
     * ({@link Registry}), and until then a client has nothing to look up only if it calls at once.
     */
    private Component registry() {
        Node node = Topology.LOCAL_ONLY.stream().filter(n -> n.name().equals(Registry.NAME)).findFirst().orElseThrow();
        return springWithAotCache(Registry.NAME, Registry.NAME, Topology.port(Registry.NAME), REGISTRY_ARTIFACT, List.of(),
                // C1 only, as for the other infrastructure: its speed matters little, the services' start does
                concat(memoryFlags(node), "-XX:TieredStopAtLevel=1"), Map.of());
    }

    /**
     * A Quarkus service, started from its quarkus-app folder. On JDK 25+ it maps the AOT cache the
     * launcher trains (classes, linked, and method profiles of a real start); until there is one,
     * or on an older JDK, the AppCDS archive Quarkus recorded at packaging (app-cds.jsa, paths
     * relative to that folder). The training copy runs on a free port with no Kafka to reach, no
     * outbox relay and no scheduled jobs, so it cannot take a partition, publish or expire anything
     * while it starts beside the running service: it only starts and stops.
     */
    private Component quarkus(Node node) {
        return quarkus(node, node.name(), wiring.port(node.name()), wiring.environment(node));
    }

    /**
     * Another copy of a service ({@code catalog-2}; see {@link Instances}), on a free port: a log
     * and data folders of its own (a search index is one process's), the service's start-up cache
     * (trained by its first copy only), waiting for what the first copy waits for. Services scale
     * as processes only.
     */
    public Component instance(String service, int index) {
        Node node = Topology.services().stream().filter(n -> n.name().equals(service)).findFirst()
                .filter(n -> Instances.scalable(n.name()))
                .orElseThrow(() -> new IllegalArgumentException(service + " cannot be scaled"));
        if (containers != null) {
            throw new IllegalArgumentException("services run from images (up --containers) run one copy each");
        }
        String name = Instances.name(service, index);
        int port = index == 1 ? wiring.port(service) : ProcessComponent.freePort();
        Map<String, String> env = new LinkedHashMap<>(wiring.environment(node));
        String ownData = wiring.dataDirectory(service);
        env.replaceAll((variable, value) -> variable.endsWith("_DIR") && value.equals(ownData)
                ? wiring.dataDirectory(name) : value);
        Component component = node.kind() == Node.Kind.SPRING
                ? springWithAotCache(name, service, port, node.artifact(), node.startsAfter(), memoryFlags(node), env)
                : quarkus(node, name, port, env);
        console.register(name);
        return component;
    }

    private Component quarkus(Node node, String name, int port, Map<String, String> env) {
        Path app = Path.of(artifact(node.artifact())).getParent();
        ProcessComponent component = jvm(name, port, "/q/health/ready", node.startsAfter(),
                concat(quarkusFlags(node), "-jar", "quarkus-run.jar"), env);
        component.workingDirectory = app;
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            component.startOptions = List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xlog:cds=off", "-Xlog:class+path=off");
        }
        component.cachedBy(new AheadOfTimeCache(workspace, node.name(), List.of(app)),
                free -> new ProcessComponent.Training(List.of(), trainingEnvironment(node, free),
                        // listening means started (health may be down: its Kafka checks fail here)
                        Probe.tcp(free)));
        return component;
    }

    /**
     * A Quarkus training copy's settings: its own port, Kafka at a port nothing listens on, no
     * outbox relay, no scheduled jobs, and folders of its own in place of the service's (a folder
     * setting, {@code *_DIR}, is something the running service holds, a search index for one).
     */
    private Map<String, String> trainingEnvironment(Node node, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Node.prefix(node.name()) + "PORT", String.valueOf(port));
        env.put("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"); // nothing listens on port 1
        env.put("EMPORIUM_OUTBOX_ENABLED", "false");
        env.put("QUARKUS_SCHEDULER_ENABLED", "false");
        wiring.environment(node).keySet().stream().filter(name -> name.endsWith("_DIR")).forEach(name ->
                env.put(name, workspace.run().resolve(node.name() + "-training").resolve(name.toLowerCase()).toString()));
        return env;
    }

    private ProcessComponent jvm(String name, String healthPath, List<String> needs, List<String> args,
                                 Map<String, String> env) {
        return jvm(name, wiring.port(name), healthPath, needs, args, env);
    }

    private ProcessComponent jvm(String name, int port, String healthPath, List<String> needs, List<String> args,
                                 Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_FLAGS);
        command.addAll(args);
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put(Node.prefix(Instances.service(name)) + "PORT", String.valueOf(port));
        return new ProcessComponent(name, needs, port, "http://localhost:" + port, command, environment,
                Probe.http("http://127.0.0.1:" + port + healthPath), workspace.log(name), console);
    }

    /**
     * A Spring service, run from its jar extracted into .emporium/apps/&lt;name&gt; (a jar plus
     * lib/): the JVM's start-up cache holds only classes from plain jars on the class path, not
     * from the jars nested in a Spring Boot jar (measured for the gateway: 14 s of CPU to start
     * with no cache, 10 s with a cache of the nested jar, 6 s with one of the extracted jar). Its
     * cache is trained by a run that stops right after the application context is refreshed.
     */
    private Component springWithAotCache(Node node) {
        return springWithAotCache(node.name(), node.name(), wiring.port(node.name()), node.artifact(), node.startsAfter(),
                memoryFlags(node), wiring.environment(node));
    }

    /** @param name the process's (a copy's: {@code identity-2}); {@code app} the application's, whose folder and cache copies share */
    private ProcessComponent springWithAotCache(String name, String app, int port, String artifact, List<String> needs,
                                                List<String> flags, Map<String, String> env) {
        Path jar = Path.of(artifact(artifact));
        Path extracted = workspace.home().resolve("apps").resolve(app);
        ProcessComponent component = jvm(name, port, "/actuator/health/readiness", needs,
                concat(flags, "-jar", extracted.resolve(jar.getFileName()).toString()), env);
        component.preparedBy(() -> SpringJars.extract(jar, extracted, java));
        component.cachedBy(new AheadOfTimeCache(workspace, app, List.of(extracted)),
                free -> new ProcessComponent.Training(List.of("-Dspring.context.exit=onRefresh", "-Dserver.port=0",
                        "-Dmanagement.tracing.export.zipkin.enabled=false"), Map.of(), null));
        return component;
    }

    /**
     * A service run from its image by Podman (see {@link Containers}): probed like its process, and
     * stopped the same way (Podman passes the SIGTERM on to the JVM). No start-up cache: the
     * launcher's caches belong to this machine's JDK and paths, not the image's.
     */
    private Component container(Node node) {
        int port = wiring.port(node.name());
        Map<String, String> settings = new LinkedHashMap<>(wiring.environment(node));
        settings.put(Node.prefix(node.name()) + "PORT", String.valueOf(port));
        Map<String, String> environment = new LinkedHashMap<>(Containers.passedOn(settings));
        environment.putAll(containers.environment());
        String health = node.kind() == Node.Kind.QUARKUS ? "/q/health/ready" : "/actuator/health/readiness";
        String name = Containers.name(node.name(), port);
        ProcessComponent component = new ContainerComponent(node.name(), node.startsAfter(), port, "http://localhost:" + port,
                containers.runCommand(node, port, settings), environment,
                Probe.http("http://127.0.0.1:" + port + health), workspace.log(node.name()), console, containers, name);
        component.preparedBy(() -> {
            containers.removeLeftover(name);
            containers.prepareFolders(settings);
            containers.load(node.name());
            containers.olderThanBuild(node).ifPresent(console::progress);
        });
        return component;
    }

    /** The JVM flags of a node's memory budget (heap, metaspace, code cache, direct memory, stacks), from the table. */
    static List<String> memoryFlags(Node node) {
        return node.memory().jvmFlags();
    }

    /** A Quarkus service's JVM flags: its memory budget and {@link #QUARKUS_FLAGS}. */
    static List<String> quarkusFlags(Node node) {
        List<String> flags = new ArrayList<>(memoryFlags(node));
        flags.addAll(QUARKUS_FLAGS);
        return flags;
    }

    /**
     * The mail server's JVM arguments after {@link #JVM_FLAGS}: GreenMail's standalone server
     * (SMTP and its REST API on loopback, any password taken, a mailbox made for any recipient)
     * run by {@link #BOUNDED_MAIL_MAIN}, which keeps only the newest {@code maxMessages} mails.
     */
    static List<String> mailFlags(List<String> memoryFlags, String greenMailJar, String boundedMailJar,
                                  int smtpPort, int apiPort, int maxMessages) {
        // C1 only, as for the other infrastructure: its speed matters little, the services' start does
        return concat(memoryFlags, "-XX:TieredStopAtLevel=1", "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort, "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort, "-Dgreenmail.auth.disabled",
                "-Demporium.mail.max-messages=" + maxMessages,
                "-cp", greenMailJar + File.pathSeparator + boundedMailJar, BOUNDED_MAIL_MAIN);
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    private String artifact(String relative) {
        Path path = workspace.artifact(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(relative + " is missing; build first (./emporium up builds what is stale)");
        }
        return path.toString();
    }

    private String classpath(String relative) {
        try {
            return Files.readString(Path.of(artifact(relative))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
