package org.emporium.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The event contract of one topic on the test broker ({@link KafkaTestResource}): the records a
 * service publishes or consumes are CloudEvents whose type {@code emporium.<owner>.<Type>} names
 * their JSON Schema, {@code contracts/events/<owner>.<Type>.json}, where the owner is the topic's
 * first segment ({@code cart.cart.v1}: cart). {@link #readToEnd()} reads the whole topic and checks
 * every record against its schema, its key against its subject, and that all records of a key sit
 * on one partition (so the list per key is in publish order); tests then assert what each key saw.
 * Records a test sends go through {@link #cloudEvent} so they are valid by the same schemas.
 */
public final class EventContract {

    private static final Duration DEADLINE = Await.DEADLINE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final String topic;
    private final String owner;

    private EventContract(String topic, String owner) {
        this.topic = topic;
        this.owner = owner;
    }

    /** The contract of a topic named {@code <owner>.<aggregate>.v<N>} (ADR 0003). */
    public static EventContract of(String topic) {
        return new EventContract(topic, topic.substring(0, topic.indexOf('.')));
    }

    public String topic() {
        return topic;
    }

    /** The type without the {@code emporium.<owner>.} prefix; fails for a type of another owner. */
    public String type(JsonNode event) {
        String type = event.path("type").asText();
        String prefix = "emporium." + owner + ".";
        assertTrue(type.startsWith(prefix), () -> "type " + type + " on " + topic + " starts with " + prefix);
        return type.substring(prefix.length());
    }

    /** The short types of a key's events, in order; fails when the key saw no event at all. */
    public List<String> types(List<JsonNode> events) {
        assertNotNull(events, "events of a key");
        return events.stream().map(this::type).toList();
    }

    /** Fails unless the event is valid against the schema its type names; returns it. */
    public JsonNode assertValid(JsonNode event) {
        var errors = schema(owner + "." + type(event) + ".json").validate(event);
        assertTrue(errors.isEmpty(), () -> "schema errors of " + event + ": " + errors);
        return event;
    }

    /** A CloudEvent as the owner (or the saga, for commands) writes it, checked against its schema. */
    public String cloudEvent(UUID id, String source, String type, String subject, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"%s","type":"emporium.%s.%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(id, source, owner, type, subject, OffsetDateTime.now(), data);
        try {
            assertValid(JSON.readTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }

    /** {@link #readToEnd()} once the service's transactional outbox has handed everything to Kafka. */
    public Map<String, List<JsonNode>> readToEndOnceOutboxEmpty(DataSource dataSource) {
        Await.until("the outbox relay publishes everything", () -> outboxRows(dataSource) == 0);
        return readToEnd();
    }

    /**
     * Every record on the topic, from the start to the end offsets of now, by key in topic order;
     * each one valid against its schema, keyed by its subject, and every key on one partition.
     */
    public Map<String, List<JsonNode>> readToEnd() {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(bootstrap(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                assertTrue(System.nanoTime() < deadline, () -> "reading " + topic + " to its end within " + DEADLINE);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = assertValid(JSON.readTree(record.value()));
                    assertEquals(event.path("subject").asText(), record.key(), () -> "the key of " + event);
                    Integer partition = partitionOfKey.putIfAbsent(record.key(), record.partition());
                    assertEquals(partition == null ? record.partition() : partition, record.partition(),
                            () -> "every record of key " + record.key() + " on one partition, so in order");
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKey;
    }

    /** Sends records (key, value) in this order and waits for each ack; the consumer creates the topic. */
    public void send(List<Map.Entry<String, String>> records) {
        Properties properties = bootstrap();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            Await.until(topic + " exists", () -> !producer.partitionsFor(topic).isEmpty());
            for (Map.Entry<String, String> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /** Sends values under one key, in this order. */
    public void send(String key, String... values) {
        send(java.util.Arrays.stream(values).map(v -> Map.entry(key, v)).toList());
    }

    /** A record (key, value) sent in a W3C trace of its own, as a service's outbox relay sends it. */
    public record Traced(String key, String value, String traceId) {

        /** The record in a new trace. */
        public static Traced of(String key, String value) {
            return new Traced(key, value, randomHex(16));
        }

        /** Its traceparent header: the trace, a new span of it, sampled. */
        public String traceparent() {
            return "00-" + traceId + "-" + randomHex(8) + "-01";
        }
    }

    /**
     * Sends the records (each with its traceparent header) in one Kafka transaction: the consumer
     * reads committed records only, so it sees them all at once, and if they share a partition
     * ({@link #keysOnOnePartition}) they come in one poll. The commit marker takes an offset of its
     * own: send a plain record to that partition afterwards before {@link #awaitConsumedBy}, so the
     * group's offset can pass it.
     */
    public void sendInOneTransaction(List<Traced> records) {
        Properties properties = bootstrap();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-it-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Traced traced : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, traced.key(), traced.value());
                record.headers().add("traceparent", traced.traceparent().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.commitTransaction();
        }
    }

    /**
     * New random ids whose records, keyed by them, all go to one partition of the topic (the
     * producer's default partitioner: murmur2 of the key modulo the topic's partitions), so a
     * burst of them is one poll.
     */
    public List<UUID> keysOnOnePartition(int count) {
        int partitions;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(bootstrap(), new StringSerializer(),
                new StringSerializer())) {
            Await.until(topic + " exists", () -> !producer.partitionsFor(topic).isEmpty());
            partitions = producer.partitionsFor(topic).size();
        }
        List<UUID> ids = new ArrayList<>();
        while (ids.size() < count) {
            UUID id = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % partitions == 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Waits until the consumer group has committed every record on the topic so far. */
    public void awaitConsumedBy(String group) {
        try (Admin admin = KafkaTestResource.kafka().admin();
             KafkaConsumer<String, String> probe = new KafkaConsumer<>(bootstrap(), new StringDeserializer(),
                     new StringDeserializer())) {
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions(probe));
            Await.until("the " + group + " group consumes every record of " + topic, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                } catch (Exception e) {
                    return false; // the group may not exist yet: ask again
                }
            });
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Properties bootstrap() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        return properties;
    }

    private static long outboxRows(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events", f);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(path)) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException("no schema " + path, e);
            }
        });
    }
}
