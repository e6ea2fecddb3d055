package org.emporium.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.launcher.Topology;

/**
 * Clients of the system's own Postgres, Redis and Kafka, as any other program on the machine would be:
 * what they answer to no password, a wrong one, and the right one from the secrets folder.
 */
final class InfrastructureClients {

    private final Path secrets;

    InfrastructureClients(Path home) {
        this.secrets = home.resolve("secrets");
    }

    /** A secret the launcher generated (.emporium/secrets/NAME). */
    String secret(String name) {
        try {
            return Files.readString(secrets.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "signed in", or the SQLSTATE Postgres refused the sign-in with. */
    String postgres(String user, String password, String database) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "5");
        String url = "jdbc:postgresql://127.0.0.1:" + Topology.port("postgres") + "/" + database;
        try (Connection c = DriverManager.getConnection(url, properties)) {
            return c.isValid(5) ? "signed in" : "invalid";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    /** Redis' first answer line to {@code commands} (RESP inline commands, each ending in CRLF). */
    String redis(String commands) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Topology.port("redis")), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(commands.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int c;
            int lines = commands.split("\r\n").length;
            while ((c = in.read()) != -1) {
                answer.append((char) c);
                if (c == '\n' && --lines == 0) {
                    break;
                }
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "listed", or what went wrong listing Kafka's topics with no sign-in at all (5 s at most). */
    String kafkaWithoutSignIn() {
        Map<String, Object> settings = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        try (Admin admin = Admin.create(settings)) {
            admin.listTopics().names().get(10, TimeUnit.SECONDS);
            return "listed";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** "sent", or why the broker refused a record to {@code topic} from the service's Kafka user. */
    String send(String service, String topic) {
        Map<String, Object> settings = signedInAs(service);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "forged", "{}")).get(10, TimeUnit.SECONDS);
            return "sent";
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** The number of partitions the service's Kafka user sees of {@code topic}, or why it sees none (reading nothing). */
    String partitions(String service, String topic) {
        Map<String, Object> settings = signedInAs(service);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<?> partitions = consumer.partitionsFor(topic);
            return partitions.size() + " partitions";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private Map<String, Object> signedInAs(String service) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + service + "\" password=\"" + secret("kafka-" + service) + "\";");
        return settings;
    }

    private static String kafka() {
        return "127.0.0.1:" + Topology.port("kafka");
    }
}
