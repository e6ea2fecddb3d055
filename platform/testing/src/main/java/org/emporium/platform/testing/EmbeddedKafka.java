package org.emporium.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.emporium.launcher.Budget;
import org.emporium.launcher.Console;
import org.emporium.launcher.KafkaComponent;
import org.emporium.launcher.Workspace;

/**
 * A real single-node Kafka broker (KRaft) for tests, run as a child JVM exactly as the launcher
 * runs it, on free ports and a temporary data directory. It can be stopped and started again on
 * the same port and data, so tests can prove what happens while Kafka is down.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private KafkaComponent broker;

    private EmbeddedKafka(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker and returns once it answers metadata requests. The ports are free when
     * chosen but may be taken before Kafka binds them (an outgoing connection, another test
     * JVM), so a failed start is tried again on fresh ports, twice at most.
     */
    public static EmbeddedKafka start() {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            EmbeddedKafka kafka = null;
            try {
                int[] ports = freePorts(2);
                kafka = new EmbeddedKafka(Files.createTempDirectory("emporium-kafka"), ports[0], ports[1]);
                kafka.startBroker();
                return kafka;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException e) {
                failure = e;
                if (kafka != null) {
                    kafka.close();
                }
            }
        }
        throw failure;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stopBroker()}, on the same port with the same data. */
    public synchronized void startBroker() {
        Console quiet = new Console(new PrintStream(OutputStream.nullOutputStream()), false, true);
        broker = new KafkaComponent(new Workspace(home), java(), classpath(), port, controllerPort,
                Budget.heap(256).jvmFlags(), quiet);
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start", e);
        }
        awaitMetadata();
    }

    /** A graceful stop, as an operator would do; the data stays. */
    public synchronized void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    /** Creates a topic unless it exists. */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("creating topic " + name + " failed", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("creating topic " + name + " failed", e);
        }
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(properties);
    }

    @Override
    public void close() {
        stopBroker();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing a test for
        }
    }

    private void awaitMetadata() {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up:\n" + String.join("\n", broker.recentOutput()));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka not ready within " + READY_DEADLINE, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Kafka's runtime classpath, laid out by platform/infrastructure at build time; found by
     * walking up from the working directory, which is a module of this build in every test run.
     */
    private static String classpath() {
        String override = System.getProperty("emporium.kafka.classpath");
        Path file = override != null ? Path.of(override) : null;
        for (Path dir = Path.of("").toAbsolutePath(); file == null && dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("platform/infrastructure/target/kafka.classpath");
            if (Files.exists(candidate)) {
                file = candidate;
            }
        }
        if (file == null) {
            throw new IllegalStateException("platform/infrastructure/target/kafka.classpath not found; "
                    + "build platform/infrastructure first (./mvnw -f platform/infrastructure/pom.xml package)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free ports: every socket stays open until all are chosen. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
