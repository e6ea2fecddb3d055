package org.emporium.recommendations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.recommendations.ServiceInstance.CATALOG;
import static org.emporium.recommendations.ServiceInstance.INPUTS;
import static org.emporium.recommendations.ServiceInstance.SEED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.testing.Await;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.TestCatalog;
import org.emporium.recommendations.messaging.HistorySeeder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A fresh install with the seeded history on, against a real broker: once the catalog's products
 * are on their topic, the service publishes the history once, to its own topic, in the producers'
 * event types; the model learns it like real behaviour; another instance (or a restart) finds it
 * and publishes nothing; of two instances starting together only one publishes; a seeding that
 * died half-way leaves nothing readable and is done again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(SeedProfiles.On.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedHistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Product> PRODUCTS = TestCatalog.products();

    private static long published;

    @Inject
    RecommendationsService service;

    @Test
    @Order(1)
    void publishesTheSeededHistoryOnceTheCatalogIsKnown() throws Exception {
        Await.until("ready (no catalog yet)", Duration.ofSeconds(30), () -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(service.seeder().state()).as("waiting for the catalog").isEqualTo(HistorySeeder.State.WORKING);
        kafka().createTopic(CATALOG, 3, Map.of("cleanup.policy", "compact"));
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var catalog = new KafkaProducer<String, byte[]>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (Product p : PRODUCTS) {
                catalog.send(new ProducerRecord<>(CATALOG, ContractEvents.productId(p.sku()), ContractEvents.productUpserted(p, 1)));
            }
        }
        long catalogPublished = System.nanoTime();
        Await.until("the history published", Duration.ofSeconds(120), () -> service.seeder().state() == HistorySeeder.State.PUBLISHED);
        System.out.printf("seeded history: published %.1f s after the catalog (1 s of it waiting for the catalog to be quiet)%n",
                (System.nanoTime() - catalogPublished) / 1e9);
        published = service.seeder().published();
        assertThat(published).isBetween(50_000L, 80_000L);

        List<ConsumerRecord<String, byte[]>> records = readAll(SEED, "read_committed");
        assertThat(records).hasSize((int) published);
        assertThat(readAll(SEED, "read_uncommitted", published)).as("one committed transaction, nothing aborted")
                .hasSize((int) published);
        Map<String, Integer> types = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            JsonNode event = JSON.readTree(record.value());
            types.merge(event.path("type").asText(), 1, Integer::sum);
            assertThat(record.headers().lastHeader("emporium-seed")).as("marked as seeded").isNotNull();
            assertThat(record.key()).isEqualTo(event.path("subject").asText());
            if (event.at("/data/shopperId").isTextual()) {
                assertThat(event.at("/data/shopperId").asText()).startsWith("seed-");
            }
            if (i % 50 == 0 || event.path("type").asText().startsWith("emporium.orders.") && i % 5 == 0) {
                assertThat(ContractEvents.validate(record.value())).as("%s", event).isEmpty();
            }
        }
        assertThat(types).containsOnlyKeys("emporium.storefront.ProductViewed", "emporium.cart.ItemAddedToCart",
                "emporium.cart.CartCleared", "emporium.orders.OrderPlaced", "emporium.orders.OrderConfirmed");
        try (var admin = kafka().admin()) {
            assertThat(admin.describeTopics(List.of(SEED)).allTopicNames().get().get(SEED).partitions()).hasSize(1);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, SEED);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).as("kept forever").isEqualTo("-1");
        }
    }

    @Test
    @Order(2)
    void theModelLearnsItLikeRealBehaviour() throws IOException {
        Await.until("the history read", Duration.ofSeconds(30), () -> service.seedEventsRead() == published);
        String[] pair = boughtTogether(readAll(SEED, "read_committed"));
        JsonPath answer = given().get("/api/recommendations/products/" + pair[0] + "?size=10").then().statusCode(200)
                .extract().jsonPath();
        assertThat(answer.getString("items[0].reason")).isIn("bought-together", "similar-to-viewed");
        int at = answer.getList("items.sku", String.class).indexOf(pair[1]);
        assertThat(at).as("%s bought with %s", pair[1], pair[0]).isNotNegative();
        assertThat(answer.getString("items[" + at + "].reason")).isEqualTo("bought-together");

        int learned = 0;
        for (int i = 0; i < PRODUCTS.size(); i += 24) {
            List<String> reasons = given().get("/api/recommendations/products/" + PRODUCTS.get(i).sku() + "?size=6")
                    .then().statusCode(200).extract().jsonPath().getList("items.reason", String.class);
            learned += reasons.stream().allMatch(r -> r.equals("bought-together") || r.equals("similar-to-viewed")) ? 1 : 0;
        }
        assertThat(learned).as("of 101 products, with six learned neighbours").isGreaterThan(80);
    }

    @Test
    @Order(3)
    void anotherInstanceOrARestartFindsItAndPublishesNothing() throws Exception {
        long end = endOffset(SEED);
        ServiceInstance second = start(SEED);
        try {
            Await.until("found", Duration.ofSeconds(60), () -> second.seeder().state() != HistorySeeder.State.WORKING);
            assertThat(second.seeder().state()).isEqualTo(HistorySeeder.State.FOUND);
            assertThat(second.consumer().seedEventsRead()).isEqualTo(published);
            assertThat(second.model().catalogSize()).isEqualTo(PRODUCTS.size());
            assertThat(endOffset(SEED)).as("nothing published again").isEqualTo(end);
        } finally {
            second.stop();
        }
    }

    @Test
    @Order(4)
    void ofTwoInstancesStartingTogetherOnePublishes() throws Exception {
        String topic = "recommendations.race.v1";
        CompletableFuture<ServiceInstance> first = CompletableFuture.supplyAsync(() -> start(topic));
        CompletableFuture<ServiceInstance> second = CompletableFuture.supplyAsync(() -> start(topic));
        List<ServiceInstance> both = List.of(first.get(), second.get());
        try {
            Await.until("both done", Duration.ofSeconds(120), () -> both.stream().allMatch(i -> i.seeder().state() != HistorySeeder.State.WORKING));
            assertThat(both).extracting(i -> i.seeder().state())
                    .containsExactlyInAnyOrder(HistorySeeder.State.PUBLISHED, HistorySeeder.State.FOUND);
            long count = both.stream().mapToLong(i -> i.seeder().published()).sum();
            assertThat(readAll(topic, "read_committed")).hasSize((int) count);
            Await.until("both learned it", Duration.ofSeconds(30), () -> both.stream().allMatch(i -> i.consumer().seedEventsRead() == count));
        } finally {
            both.forEach(ServiceInstance::stop);
        }
    }

    @Test
    @Order(5)
    void aSeedingThatDiedHalfWayLeavesNothingAndIsDoneAgain() throws Exception {
        String topic = "recommendations.crash.v1";
        kafka().createTopic(topic, 1, Map.of("retention.ms", "-1"));
        // an instance that began its transaction and died: same transactional id, never committed
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        KafkaProducer<String, byte[]> dead = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        dead.initTransactions();
        dead.beginTransaction();
        Product p = PRODUCTS.get(0);
        for (int i = 0; i < 100; i++) {
            dead.send(new ProducerRecord<>(topic, "seed-x", ContractEvents.productViewed("seed-dead01", null, p.sku())));
        }
        dead.flush(); // sent, never committed; not closed (a close would abort it)
        ServiceInstance instance = start(topic);
        try {
            Await.until("seeded", Duration.ofSeconds(120), () -> instance.seeder().state() != HistorySeeder.State.WORKING);
            assertThat(instance.seeder().state()).isEqualTo(HistorySeeder.State.PUBLISHED);
            List<ConsumerRecord<String, byte[]>> committed = readAll(topic, "read_committed");
            assertThat(committed).hasSize((int) instance.seeder().published())
                    .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("seed-dead01"));
            Await.until("learned", Duration.ofSeconds(30), () -> instance.consumer().seedEventsRead() == instance.seeder().published());
        } finally {
            instance.stop();
            dead.close(Duration.ZERO);
        }
    }

    /** An instance with the input topics and {@code seedTopic}, without snapshots. */
    private static ServiceInstance start(String seedTopic) {
        List<String> topics = new ArrayList<>(INPUTS);
        topics.add(seedTopic);
        return ServiceInstance.start(kafka().bootstrapServers(), topics, seedTopic, null);
    }

    /** The SKUs of the first order of two lines in the history. */
    private static String[] boughtTogether(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = JSON.readTree(record.value());
            if (event.path("type").asText().equals("emporium.orders.OrderConfirmed") && event.at("/data/lines").size() == 2) {
                return new String[] {event.at("/data/lines/0/sku").asText(), event.at("/data/lines/1/sku").asText()};
            }
        }
        throw new AssertionError("no order of two lines in the seeded history");
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, String isolation) {
        return readAll(topic, isolation, 0);
    }

    /**
     * Every record up to the end offsets, and at least {@code atLeast} of them: a read that once came
     * back empty (the end offsets it saw were already reached) then polls on until the deadline.
     */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, String isolation, long atLeast) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < atLeast || partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(System.nanoTime()).as("read %s to its end", topic).isLessThan(deadline);
            }
        }
        return records;
    }

    private static long endOffset(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static EmbeddedKafka kafka() {
        return KafkaTestResource.kafka();
    }
}
