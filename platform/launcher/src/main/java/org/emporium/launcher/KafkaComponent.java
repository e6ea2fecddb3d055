package org.emporium.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), its storage
 * formatted once on first start. Buffers are sized for a laptop, not a cluster.
 */
public final class KafkaComponent extends ProcessComponent {

    private final Path dataDirectory;
    private final Path config;
    private final String java;
    private final String classpath;
    private final Console console;

    public KafkaComponent(Workspace workspace, String java, String classpath, int port, int controllerPort,
                          List<String> memoryFlags, Console console) {
        super("kafka", List.of(), port, "127.0.0.1:" + port,
                command(workspace, java, classpath, memoryFlags),
                Map.of(), Probe.tcp(port), workspace.log("kafka"), console);
        this.dataDirectory = workspace.data("kafka");
        this.config = workspace.run().resolve("kafka.properties");
        this.java = java;
        this.classpath = classpath;
        this.console = console;
        ProcessComponent.write(config, properties(port, controllerPort, dataDirectory));
    }

    private static List<String> command(Workspace workspace, String java, String classpath, List<String> memoryFlags) {
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                // C1 only, as Zipkin: a local broker's throughput is ample, and C2 would compete with the services' start
                "-XX:TieredStopAtLevel=1"));
        command.addAll(memoryFlags);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", classpath, "kafka.Kafka", workspace.run().resolve("kafka.properties").toString()));
        return command;
    }

    public static String properties(int port, int controllerPort, Path dataDirectory) {
        return """
                # written by the Emporium launcher on every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
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
                """.formatted(port, controllerPort, dataDirectory);
    }

    @Override
    protected void prepare() throws Exception {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        console.progress("formatting Kafka storage (first start)");
        Files.createDirectories(dataDirectory);
        Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolveSibling("kafka-format.log").toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed; see " + dataDirectory.resolveSibling("kafka-format.log"));
        }
    }

    /** Kafka wants a cluster id as a URL-safe base64 UUID. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
