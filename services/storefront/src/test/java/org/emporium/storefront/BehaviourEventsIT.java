package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.platform.testing.KafkaTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ProductViewed on a real Kafka: a product page view (web) and a mobile product answer each publish
 * exactly one event, keyed by the shopper id, valid against
 * contracts/events/storefront.ProductViewed.json. The storefront doesn't create the topic
 * (recommendations owns it), so the test does, as the owner would.
 */
@QuarkusTest
@TestProfile(BehaviourOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(CatalogStandInResource.class)
class BehaviourEventsIT {

    private static final String TOPIC = "storefront.behaviour.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaConsumer<String, String> consumer;
    private static List<TopicPartition> partitions;

    @BeforeAll
    static void topicAndConsumer() {
        KafkaTestResource.kafka().createTopic(TOPIC, 3, Map.of());
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterAll
    static void closeConsumer() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void aProductPageViewAndAMobileAnswerPublishOneValidEventEach() throws Exception {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        topicKnownToTheStorefront(seen);
        String webShopper = "web-" + UUID.randomUUID();
        String mobileShopper = "app-" + UUID.randomUUID().toString().replace("-", "");
        String cartId = UUID.randomUUID().toString();
        Instant before = Instant.now();

        given().cookie("emporium_shopper", webShopper).get("/p/AUD-999999").then().statusCode(404);   // no product, no view
        given().cookie("emporium_shopper", webShopper).cookie("cart", cartId).get("/p/AUD-000001").then().statusCode(200);
        given().header("X-Shopper-Id", mobileShopper).get("/api/mobile/products/AUD-000002").then().statusCode(200);
        given().header("X-Shopper-Id", "not valid!").get("/api/mobile/products/AUD-000003").then().statusCode(200);

        readUntil(seen, () -> keyed(seen, webShopper).size() == 1 && keyed(seen, mobileShopper).size() == 1);
        readToTheEnd(seen);

        JsonSchema schema = schema();
        List<JsonNode> web = keyed(seen, webShopper);
        assertThat(web).hasSize(1);
        JsonNode event = web.getFirst();
        assertThat(schema.validate(event)).as("schema errors of %s", event).isEmpty();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/emporium/storefront");
        assertThat(event.path("type").asText()).isEqualTo("emporium.storefront.ProductViewed");
        assertThat(event.path("subject").asText()).isEqualTo(webShopper);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        JsonNode data = event.path("data");
        assertThat(data.path("shopperId").asText()).isEqualTo(webShopper);
        assertThat(data.path("cartId").asText()).isEqualTo(cartId);
        assertThat(data.path("sku").asText()).isEqualTo("AUD-000001");
        assertThat(data.path("channel").asText()).isEqualTo("web");
        assertThat(Instant.parse(data.path("viewedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));

        List<JsonNode> mobile = keyed(seen, mobileShopper);
        assertThat(mobile).hasSize(1);
        assertThat(schema.validate(mobile.getFirst())).isEmpty();
        assertThat(mobile.getFirst().path("data").path("channel").asText()).isEqualTo("mobile");
        assertThat(mobile.getFirst().path("data").path("sku").asText()).isEqualTo("AUD-000002");
        assertThat(mobile.getFirst().path("data").path("cartId").isNull()).isTrue();
        // an invalid shopper id is no shopper: no event for it
        assertThat(seen).noneMatch(r -> r.value().contains("AUD-000003"));
        // every record's key is its subject
        assertThat(seen).allSatisfy(r -> assertThat(JSON.readTree(r.value()).path("subject").asText()).isEqualTo(r.key()));
    }

    @Test
    void aNewBrowsersFirstViewIsPublishedUnderTheIdItsCookieGets() throws Exception {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        topicKnownToTheStorefront(seen);

        String shopper = given().get("/p/KIT-000001").then().statusCode(200).extract().cookie("emporium_shopper");

        assertThat(shopper).matches("[A-Za-z0-9_-]{22,64}");
        readUntil(seen, () -> keyed(seen, shopper).size() == 1);
        assertThat(keyed(seen, shopper).getFirst().path("data").path("sku").asText()).isEqualTo("KIT-000001");
    }

    /**
     * The storefront's producer learns about the topic (created after it started) on its own
     * schedule, and its first sends before that are lost by design (it never waits). So: view a
     * page as a warm-up shopper until one of those views arrives; from then on, views go through.
     */
    private static void topicKnownToTheStorefront(List<ConsumerRecord<String, String>> seen) throws Exception {
        String warmUp = "warm-up-" + UUID.randomUUID();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (keyed(seen, warmUp).isEmpty()) {
            assertThat(System.nanoTime()).as("a warm-up view reaches %s", TOPIC).isLessThan(deadline);
            given().cookie("emporium_shopper", warmUp).get("/p/AUD-000030").then().statusCode(200);
            poll(seen);
        }
    }

    private static void readUntil(List<ConsumerRecord<String, String>> seen, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("events on %s", TOPIC).isLessThan(deadline);
            poll(seen);
        }
    }

    /** Everything on the topic up to now: a duplicate published with the events would be here too. */
    private static void readToTheEnd(List<ConsumerRecord<String, String>> seen) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        readUntil(seen, () -> partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)));
    }

    private static void poll(List<ConsumerRecord<String, String>> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private static List<JsonNode> keyed(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static JsonSchema schema() throws IOException {
        Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events",
                "storefront.ProductViewed.json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(path)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
