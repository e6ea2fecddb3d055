package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the lines of the {@link Topology} into processes: the embedded infrastructure, Quarkus
 * services from their quarkus-app folder, Spring services from an AOT cache. How a process is
 * made lives here; what runs and what it uses lives in the table.
 */
public final class Processes {

    /** Where Kafka's classpath, Zipkin's and GreenMail's jars come from, and the file that proves it was built. */
    public static final String INFRASTRUCTURE_MODULE = "platform/infrastructure";
    public static final String INFRASTRUCTURE_ARTIFACT = INFRASTRUCTURE_MODULE + "/target/kafka.classpath";

    /**
     * Spans Zipkin keeps in memory before it drops the oldest traces. Measured with spans shaped
     * like the services' (HTTP server and client, JDBC; 7-12 tags): 2.15 KB of live heap each, on
     * top of 23 MB for Zipkin itself. SerialGC's old generation is two thirds of the heap, 85 MB
     * of Zipkin's 128; 20,000 spans (43 MB) leave a fifth of it spare. At 100,000 (215 MB) it died
     * of OutOfMemoryError under load. A product page makes about ten spans: the last 2,000 or so
     * requests stay searchable.
     */
    static final int ZIPKIN_MAX_SPANS = 20_000;

    private final Workspace workspace;
    private final Console console;
    private final String java;
    private final Wiring wiring;

    public Processes(Workspace workspace, Console console, String java) {
        this.workspace = workspace;
        this.console = console;
        this.java = java;
        this.wiring = new Wiring(workspace, Topology.GRAPH);
    }

    /** Every component of the graph, in the table's order. */
    public List<Component> components() {
        List<Component> components = new ArrayList<>();
        for (Node node : Topology.GRAPH) {
            Component component = switch (node.kind()) {
                case INFRASTRUCTURE -> infrastructure(node);
                case QUARKUS -> quarkus(node);
                case SPRING -> springWithAotCache(node);
            };
            console.register(component.name());
            components.add(component);
        }
        return components;
    }

    private Component infrastructure(Node node) {
        String name = node.name();
        int port = wiring.port(name);
        return switch (name) {
            case "postgres" -> new PostgresComponent(workspace, port, wiring.databases(), wiring.databaseConnections());
            case "kafka" -> new KafkaComponent(workspace, java, classpath(INFRASTRUCTURE_ARTIFACT),
                    port, wiring.kafkaControllerPort(), memoryFlags(node), console);
            case "redis" -> new RedisComponent(workspace, port, console);
            case "zipkin" -> jvm("zipkin", "/health", List.of(),
                    // C1 only: Zipkin's own speed matters little, and full JIT work would slow the services' start
                    concat(memoryFlags(node), "-XX:TieredStopAtLevel=1", "-jar", artifact(INFRASTRUCTURE_MODULE + "/target/zipkin.jar")),
                    Map.of("QUERY_PORT", String.valueOf(port), "STORAGE_TYPE", "mem",
                            "MEM_MAX_SPANS", String.valueOf(ZIPKIN_MAX_SPANS), "LOGGING_LEVEL_ROOT", "WARN"));
            case "mail" -> jvm("mail", "/api/service/readiness", List.of(),
                    concat(memoryFlags(node), "-XX:TieredStopAtLevel=1", "-Dgreenmail.smtp.hostname=127.0.0.1",
                            "-Dgreenmail.smtp.port=" + wiring.smtpPort(), "-Dgreenmail.api.hostname=127.0.0.1",
                            "-Dgreenmail.api.port=" + port, "-Dgreenmail.auth.disabled",
                            "-jar", artifact(INFRASTRUCTURE_MODULE + "/target/greenmail.jar")), Map.of());
            default -> throw new IllegalStateException("the launcher does not know how to start " + name);
        };
    }

    /**
     * A Quarkus service, started from its quarkus-app folder so the AppCDS archive recorded at
     * packaging (app-cds.jsa, with paths relative to that folder) is mapped.
     */
    private Component quarkus(Node node) {
        Path app = Path.of(artifact(node.artifact())).getParent();
        List<String> args = new ArrayList<>(memoryFlags(node));
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            args.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xlog:cds=off", "-Xlog:class+path=off"));
        }
        args.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessComponent component = jvm(node.name(), "/q/health/ready", node.startsAfter(), args, wiring.environment(node));
        component.workingDirectory = app;
        return component;
    }

    private ProcessComponent jvm(String name, String healthPath, List<String> needs, List<String> args,
                                 Map<String, String> env) {
        int port = wiring.port(name);
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(args);
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put(Node.prefix(name) + "PORT", String.valueOf(port));
        return new ProcessComponent(name, needs, port, "http://localhost:" + port, command, environment,
                Probe.http("http://127.0.0.1:" + port + healthPath), workspace.log(name), console);
    }

    /**
     * A Spring service. Spring spends seconds loading classes, so on JDK 25+ it starts from an AOT
     * cache, trained once per build by a run that stops right after the application context is
     * refreshed (measured for the gateway: 7-8 s → about 3 s).
     */
    private Component springWithAotCache(Node node) {
        String jar = artifact(node.artifact());
        ProcessComponent component = jvm(node.name(), "/actuator/health/readiness", node.startsAfter(),
                concat(memoryFlags(node), "-jar", jar), wiring.environment(node));
        if (!AheadOfTimeCache.supported()) {
            return component;
        }
        List<String> command = component.command();
        int jarAt = command.indexOf("-jar");
        AheadOfTimeCache cache = new AheadOfTimeCache(workspace, node.name(), Path.of(jar));
        return new ProcessComponent(component.name(), component.needs(), component.port(), component.url(), command,
                component.environment(), component.probe(), workspace.log(component.name()), console) {
            @Override
            protected void prepare() throws Exception {
                if (!cache.fresh()) {
                    console.progress("training " + name() + "'s start-up cache (once per build)");
                    cache.train(command.subList(0, jarAt), List.of("-Dspring.context.exit=onRefresh",
                            "-Dserver.port=0", "-Dmanagement.tracing.export.zipkin.enabled=false",
                            "-jar", jar), workspace.log(name()));
                }
                startOptions = cache.flags();
            }
        };
    }

    /** The JVM flags of a node's memory budget (heap, metaspace, code cache, direct memory, stacks), from the table. */
    static List<String> memoryFlags(Node node) {
        return node.memory().jvmFlags();
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
