package org.emporium.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), its storage
 * formatted once on first start. Buffers are sized for a laptop, not a cluster. With
 * {@link KafkaAccess} (as {@code ./emporium up} runs it) every client signs in and the contract's
 * ACLs are in place before it counts as ready; without (a test's own broker), it is plaintext.
 */
public final class KafkaComponent extends ProcessComponent {

    private final Path dataDirectory;
    private final Path config;
    private final String java;
    private final String classpath;
    private final Console console;
    private final KafkaAccess access;

    public KafkaComponent(Workspace workspace, String java, String classpath, int port, int controllerPort,
                          List<String> memoryFlags, Console console) {
        this(workspace, java, classpath, port, controllerPort, memoryFlags, null, console);
    }

    /** @param access who may sign in and what each may do, or null for a plaintext broker open to anyone */
    KafkaComponent(Workspace workspace, String java, String classpath, int port, int controllerPort,
                   List<String> memoryFlags, KafkaAccess access, Console console) {
        super("kafka", List.of(), port, "127.0.0.1:" + port,
                command(workspace, java, classpath, memoryFlags),
                Map.of(), Probe.tcp(port), workspace.log("kafka"), console);
        this.dataDirectory = workspace.data("kafka");
        this.config = workspace.run().resolve("kafka.properties");
        this.java = java;
        this.classpath = classpath;
        this.console = console;
        this.access = access;
        ProcessComponent.writePrivately(config, properties(port, controllerPort, dataDirectory, access));
        cachedBy(new AheadOfTimeCache(workspace, "kafka", classpathEntries(classpath)), this::training);
    }

    /**
     * Its training copy is a broker of its own: its own storage (formatted anew in .emporium/run)
     * and free ports, given to Kafka as overrides of the real configuration.
     */
    private Training training(int free) {
        int controller = ProcessComponent.freePort();
        Path storage = config.resolveSibling("kafka-training");
        Path trainingConfig = config.resolveSibling("kafka-training.properties");
        String clients = access == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        return new Training(List.of(), Map.of(), Probe.tcp(free), List.of(
                "--override", "listeners=" + clients + "://127.0.0.1:" + free + ",CONTROLLER://127.0.0.1:" + controller,
                "--override", "advertised.listeners=" + clients + "://127.0.0.1:" + free,
                "--override", "controller.quorum.voters=1@127.0.0.1:" + controller,
                "--override", "log.dirs=" + storage),
                () -> {
                    Workspace.deleteRecursively(storage);
                    ProcessComponent.writePrivately(trainingConfig, properties(free, controller, storage, access));
                    format(trainingConfig, storage);
                });
    }

    private static List<Path> classpathEntries(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    private static List<String> command(Workspace workspace, String java, String classpath, List<String> memoryFlags) {
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                // C1 only, as Zipkin: a local broker's throughput is ample, and C2 would compete with the services' start
                "-XX:TieredStopAtLevel=1"));
        command.addAll(memoryFlags);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                // each line starts with its time, as the other logs do: ./emporium logs orders them by it
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", classpath, "kafka.Kafka", workspace.run().resolve("kafka.properties").toString()));
        return command;
    }

    /** A plaintext broker's configuration (a test's). */
    public static String properties(int port, int controllerPort, Path dataDirectory) {
        return properties(port, controllerPort, dataDirectory, null);
    }

    static String properties(int port, int controllerPort, Path dataDirectory, KafkaAccess access) {
        String listeners = access != null ? access.brokerProperties(port, controllerPort) : """
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                """.formatted(port, controllerPort);
        return """
                # written by the Emporium launcher on every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                %4$slog.dirs=%3$s
                num.partitions=3
                # topics are created by the service that owns them, with their partitions and
                # retention (the outbox relay does it); a typo in a consumer must not create one
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # the defaults (a 128 MB cleaner buffer, 8 io threads) are for dedicated machines
                log.cleaner.dedupe.buffer.size=8388608
                log.cleaner.threads=1
                num.network.threads=2
                num.io.threads=2
                num.recovery.threads.per.data.dir=1
                background.threads=2
                """.formatted(port, controllerPort, dataDirectory, listeners);
    }

    /** Ready once it accepts connections and, when clients sign in, the contract's ACLs are in place. */
    @Override
    public boolean isReady() {
        return super.isReady() && (access == null || access.grant(url()));
    }

    @Override
    protected void prepare() throws Exception {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        console.progress("formatting Kafka storage (first start)");
        format(config, dataDirectory);
    }

    private void format(Path configuration, Path storage) throws Exception {
        Files.createDirectories(storage);
        Path log = storage.resolveSibling(storage.getFileName() + "-format.log");
        Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", configuration.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting Kafka storage failed; see " + log);
        }
    }

    /**
     * Kafka wants a cluster id as a URL-safe base64 UUID. One in 64 starts with "-", which the
     * storage tool's argument parser takes for an option ("--cluster-id: expected one argument":
     * a CI run failed so); Kafka's own {@code Uuid.randomUuid} draws again in that case, as here.
     */
    static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }
}
