package org.emporium.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.catalog.seed.CatalogSeed;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The catalog's events on a real Kafka: the seeded catalog and every create, update and delete
 * arrive on catalog.product.v1, in order per product, and every event on the topic is valid
 * against its schema under contracts/events.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class ProductEventsIT {

    private static final String TOPIC = "catalog.product.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeIsPublishedInOrderAndEveryEventMatchesItsSchema() throws Exception {
        String id = Auth.asAdmin().contentType(ContentType.JSON).body(product("19.99"))
                .post("/api/catalog/products").then().statusCode(201).extract().path("id");
        Auth.asAdmin().contentType(ContentType.JSON).body(product("24.50"))
                .put("/api/catalog/products/" + id).then().statusCode(200);
        Auth.asAdmin().delete("/api/catalog/products/" + id).then().statusCode(204);

        List<JsonNode> events = readUntil(e -> e.path("type").asText().endsWith("ProductDeleted")
                && e.path("subject").asText().equals(id));

        Map<String, JsonSchema> schemas = Map.of(
                "emporium.catalog.ProductUpserted", schema("catalog.ProductUpserted.json"),
                "emporium.catalog.ProductDeleted", schema("catalog.ProductDeleted.json"));
        for (JsonNode event : events) {
            JsonSchema schema = schemas.get(event.path("type").asText());
            assertThat(schema).as("a schema for event type %s", event.path("type")).isNotNull();
            Set<ValidationMessage> errors = schema.validate(event);
            assertThat(errors).as("schema errors of %s", event).isEmpty();
        }

        List<JsonNode> ours = events.stream().filter(e -> e.path("subject").asText().equals(id)).toList();
        assertThat(ours).extracting(e -> e.path("type").asText()).containsExactly(
                "emporium.catalog.ProductUpserted", "emporium.catalog.ProductUpserted", "emporium.catalog.ProductDeleted");
        assertThat(ours).extracting(e -> e.path("data").path("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(ours.get(1).path("data").path("price").path("amount").asText()).isEqualTo("24.50");
        assertThat(ours.get(0).path("data").path("options").path("size").toString()).isEqualTo("[\"M\",\"L\",\"XL\"]");

        Set<String> seeded = new HashSet<>();
        events.stream().filter(e -> e.path("data").path("sku").asText().matches("[A-Z]{3}-\\d+"))
                .forEach(e -> seeded.add(e.path("subject").asText()));
        // every seeded product, however many products other tests add
        assertThat(seeded).as("the seeded catalog is announced").hasSizeGreaterThanOrEqualTo(CatalogSeed.products().size());
    }

    @jakarta.inject.Inject
    org.emporium.catalog.persistence.ProductRepository repository;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void productsStoredBeforeEventsExistedAreAnnouncedOnce() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE product_announcement SET pending = true"); // as V4 does for an older catalog
        }
        long products = given().get("/api/catalog/products?size=1").jsonPath().getLong("total");

        assertThat((long) repository.announceUnpublishedProducts()).isEqualTo(products);
        assertThat(repository.announceUnpublishedProducts()).as("only once").isZero();
    }

    private static String product(String price) {
        return """
                {"sku":"EVT-TEST-1","name":"Event Test Lamp","description":"A lamp for the event test.",
                 "brand":"Testbrand","category":"%s","price":{"amount":"%s","currency":"USD"},
                 "attributes":{"colour":"red","sizes":"M-XL"}}""".formatted(anyCategory(), price);
    }

    private static String anyCategory() {
        return given().get("/api/catalog/categories").jsonPath().getString("items[0].slug");
    }

    private static JsonSchema schema(String file) throws IOException {
        Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events", file);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(path)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    /**
     * Reads the topic from the beginning until an event matches and every partition is read to its
     * end as of that moment (partitions are read in no global order), or fails at the deadline.
     */
    private static List<JsonNode> readUntil(Predicate<JsonNode> last) throws IOException {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty()) {
                assertThat(System.nanoTime()).as("topic %s created by the catalog", TOPIC).isLessThan(deadline);
                consumer.listTopics(Duration.ofSeconds(2)).getOrDefault(TOPIC, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = null;
            while (ends == null || !readToEnd(consumer, ends)) {
                assertThat(System.nanoTime()).as("the awaited event arrives").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    assertThat(record.key()).isEqualTo(event.path("subject").asText());
                    events.add(event);
                    if (ends == null && last.test(event)) {
                        ends = consumer.endOffsets(partitions);
                    }
                }
            }
            return events;
        }
    }

    private static boolean readToEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
