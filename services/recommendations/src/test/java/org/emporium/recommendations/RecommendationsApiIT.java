package org.emporium.recommendations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.platform.testing.KafkaTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service end to end against a real Kafka broker. It starts with only its own behaviour topic
 * (which it creates); the other services' topics appear later and are picked up. Events are built
 * as their producers publish them and checked against contracts/events. The seeded history is off:
 * the model learns only what the tests publish (SeedHistoryIT has it on).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(SeedProfiles.Off.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationsApiIT {

    static final String CATALOG = "catalog.product.v1";
    static final String STOCK = "inventory.stock.v1";
    static final String CARTS = "cart.cart.v1";
    static final String ORDERS = "orders.order.v1";
    static final String BEHAVIOUR = "storefront.behaviour.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    private static KafkaProducer<String, byte[]> producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void createsTheBehaviourTopicAndIsReadyWithoutTheOtherTopics() throws Exception {
        given().get("/q/health/live").then().statusCode(200);
        await("ready", () -> given().get("/q/health/ready").statusCode() == 200);
        try (var admin = kafka().admin()) {
            TopicDescription topic = admin.describeTopics(List.of(BEHAVIOUR)).allTopicNames().get().get(BEHAVIOUR);
            assertThat(topic.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, BEHAVIOUR);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        }
        given().get("/api/recommendations/shoppers/nobody-yet-01").then().statusCode(200)
                .body("subject", equalTo("nobody-yet-01")).body("items", hasSize(0));
    }

    @Test
    @Order(2)
    void picksUpTopicsThatAppearLater() {
        kafka().createTopic(CATALOG, 3, Map.of("cleanup.policy", "compact"));
        kafka().createTopic(STOCK, 3, Map.of());
        kafka().createTopic(CARTS, 3, Map.of());
        kafka().createTopic(ORDERS, 3, Map.of());
        product("LATE-1", "late");
        product("LATE-2", "late");
        send(STOCK, "LATE-1", ContractEvents.stockLevelChanged("LATE-1", 4, 1));
        await("the catalog topic, created after the start, is read", () -> status("/products/LATE-2") == 200);
        await("the stock topic too", () -> {
            JsonPath answer = json("/products/LATE-2");
            Object available = answer.get("items[0].available"); // null until the stock event is applied
            return "LATE-1".equals(answer.getString("items[0].sku")) && Integer.valueOf(4).equals(available);
        });
        // the orders and cart topics are found by the same periodic check, maybe a round later:
        // wait for them here so the freshness test below measures a followed topic, not the check
        String order = UUID.randomUUID().toString();
        String cart = UUID.randomUUID().toString();
        send(ORDERS, order, ContractEvents.orderPlaced(order, cart, "LATE-1", "LATE-2"));
        send(ORDERS, order, ContractEvents.orderConfirmed(order, "LATE-1", "LATE-2"));
        await("the orders topic too", () -> "bought-together".equals(json("/products/LATE-2").getString("items[0].reason")));
        send(CARTS, cart, ContractEvents.itemAdded(cart, "LATE-1", 1));
        await("the cart topic too", () -> !skus("/products/LATE-2?cart=" + cart).contains("LATE-1"));
    }

    @Test
    @Order(3)
    void aConfirmedOrderIsRecommendedAsBoughtTogetherWithinTwoSeconds() {
        String a = "FRESH-A";
        String b = "FRESH-B";
        String order = UUID.randomUUID().toString();
        String cart = UUID.randomUUID().toString();
        product(a, "fresh");
        product(b, "fresh");
        await("both products known", () -> given().get("/api/recommendations/products/" + b).statusCode() == 200);
        // the clock starts at the order: products are catalog data the shop had long before
        long start = System.nanoTime();
        send(ORDERS, order, ContractEvents.orderPlaced(order, cart, a, b));
        send(ORDERS, order, ContractEvents.orderConfirmed(order, a, b));
        await("B bought together with A", () -> {
            JsonPath answer = json("/products/" + a);
            List<String> skus = answer.getList("items.sku", String.class);
            return !skus.isEmpty() && skus.get(0).equals(b) && "bought-together".equals(answer.getString("items[0].reason"));
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("freshness: OrderConfirmed published → bought-together served in %d ms%n", millis);
        assertThat(millis).isLessThan(2_000);

        given().get("/api/recommendations/products/" + a).then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "max-age=5")
                .body("subject", equalTo(a))
                .body("items[0].sku", equalTo(b)).body("items[0].name", equalTo("Product " + b))
                .body("items[0].brand", equalTo("Brand")).body("items[0].category", equalTo("fresh"))
                .body("items[0].price.amount", equalTo("12.00")).body("items[0].price.currency", equalTo("EUR"))
                .body("items[0].imageUrl", equalTo("/images/" + b + ".jpg"))
                .body("items[0].available", nullValue())
                .body("items[0].score", equalTo(1.0f))
                .body("modelVersion", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    @Order(4)
    void neverRecommendsItselfCartItemsOutOfStockOrDeletedProducts() {
        List<String> skus = List.of("EXCL-1", "EXCL-2", "EXCL-3", "EXCL-4", "EXCL-5");
        skus.forEach(sku -> product(sku, "exclusions"));
        skus.forEach(sku -> send(BEHAVIOUR, "linker-0001", ContractEvents.productViewed("linker-0001", null, sku)));
        await("all viewed alike", () -> skus("/products/EXCL-1?size=4").containsAll(skus.subList(1, 5)));
        assertThat(json("/products/EXCL-1?size=4").getList("items.reason", String.class))
                .containsOnly("similar-to-viewed");
        assertThat(skus("/products/EXCL-1?size=50")).doesNotContain("EXCL-1");

        send(STOCK, "EXCL-3", ContractEvents.stockLevelChanged("EXCL-3", 0, 1));
        await("out of stock left out", () -> !skus("/products/EXCL-1?size=50").contains("EXCL-3"));

        send(CATALOG, ContractEvents.productId("EXCL-4"), ContractEvents.productDeleted(ContractEvents.productId("EXCL-4"), "EXCL-4", 2));
        await("deleted left out", () -> !skus("/products/EXCL-1?size=50").contains("EXCL-4"));
        given().get("/api/recommendations/products/EXCL-4").then().statusCode(404).contentType(PROBLEM);

        String cart = UUID.randomUUID().toString();
        send(CARTS, cart, ContractEvents.itemAdded(cart, "EXCL-2", 1));
        await("in the cart named by the parameter: left out",
                () -> !skus("/products/EXCL-1?size=50&cart=" + cart).contains("EXCL-2"));
        assertThat(skus("/products/EXCL-1?size=50")).contains("EXCL-2", "EXCL-5");

        // a shopper whose cart the views name: their recent items and latest cart are left out
        send(BEHAVIOUR, "carter-0001", ContractEvents.productViewed("carter-0001", cart, "EXCL-1"));
        await("the shopper's own cart left out", () -> {
            List<String> forShopper = skus("/shoppers/carter-0001?size=50");
            return forShopper.contains("EXCL-5") && !forShopper.contains("EXCL-2") && !forShopper.contains("EXCL-1");
        });
        send(CARTS, cart, ContractEvents.itemRemoved(cart, "EXCL-2", 2));
        await("removed from the cart: recommended again", () -> skus("/shoppers/carter-0001?size=50").contains("EXCL-2"));
        assertThat(skus("/shoppers/carter-0001?size=50")).doesNotContain("EXCL-1", "EXCL-3", "EXCL-4");
    }

    @Test
    @Order(5)
    void recommendsToAShopperFromTheirViewsAndPopularItemsToAStranger() {
        List.of("VIEW-1", "VIEW-2", "VIEW-3").forEach(sku -> product(sku, "views"));
        send(BEHAVIOUR, "others-0001", ContractEvents.productViewed("others-0001", null, "VIEW-1"));
        send(BEHAVIOUR, "others-0001", ContractEvents.productViewed("others-0001", null, "VIEW-2"));
        send(BEHAVIOUR, "viewer-0001", ContractEvents.productViewed("viewer-0001", null, "VIEW-1"));
        await("similar to what the shopper viewed", () -> {
            JsonPath answer = json("/shoppers/viewer-0001?size=3");
            return "VIEW-2".equals(answer.getString("items[0].sku"))
                    && "similar-to-viewed".equals(answer.getString("items[0].reason"));
        });
        given().get("/api/recommendations/shoppers/viewer-0001?size=3").then().statusCode(200)
                .header("Cache-Control", "max-age=5")
                .body("subject", equalTo("viewer-0001")).body("items", hasSize(3))
                .body("items.reason[1]", equalTo("popular-in-category"));
        await("a stranger gets popular items", () -> json("/shoppers/stranger-0001?size=5").getList("items").size() == 5);
        given().get("/api/recommendations/shoppers/stranger-0001?size=5").then().statusCode(200)
                .body("items.reason", everyItem(equalTo("popular-in-category")))
                .body("items[0].score", equalTo(1.0f));
    }

    @Test
    @Order(6)
    void refusesBadInputWithAProblemNamingTheParameter() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("/products/lower-case", "sku"),
                Map.entry("/products/AB", "sku"),
                Map.entry("/products/FRESH-A?size=0", "size"),
                Map.entry("/products/FRESH-A?size=51", "size"),
                Map.entry("/products/FRESH-A?size=ten", "size"),
                Map.entry("/products/FRESH-A?cart=not-a-uuid", "cart"),
                Map.entry("/products/FRESH-A?colour=red", "colour"),
                Map.entry("/products/FRESH-A?size=1&size=2", "size"),
                Map.entry("/shoppers/short", "id"),
                Map.entry("/shoppers/has%20space%20in-it", "id"),
                Map.entry("/shoppers/" + "x".repeat(81), "id"),
                Map.entry("/shoppers/viewer-0001?size=-1", "size"),
                Map.entry("/shoppers/viewer-0001?cart=12345", "cart"));
        bad.forEach((path, parameter) -> given().urlEncodingEnabled(false).get("/api/recommendations" + path).then()
                .statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors[0].field", equalTo(parameter))
                .body("detail", containsString(parameter)));
        given().get("/api/recommendations/products/NEVER-HEARD-OF").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("detail", containsString("NEVER-HEARD-OF"));
    }

    @Test
    @Order(7)
    void skipsJunkOnTheTopicsWithoutStopping() {
        send(CATALOG, "junk", "{not json".getBytes());
        send(CATALOG, "junk", null);
        send(CATALOG, "junk", ContractEvents.unknownType("catalog"));
        send(BEHAVIOUR, "junk", "[1, 2, 3]".getBytes());
        send(BEHAVIOUR, "junk", "{\"specversion\": \"1.0\", \"type\": \"emporium.storefront.ProductViewed\", \"data\": {}}".getBytes());
        send(ORDERS, "junk", ContractEvents.unknownType("orders"));
        product("AFTER-JUNK", "junk");
        await("an event after the junk is applied", () -> status("/products/AFTER-JUNK") == 200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void product(String sku, String category) {
        String id = ContractEvents.productId(sku);
        send(CATALOG, id, ContractEvents.productUpserted(id, sku, category, "Brand", 1));
    }

    private static int status(String path) {
        return given().get("/api/recommendations" + path).statusCode();
    }

    private static JsonPath json(String path) {
        return given().get("/api/recommendations" + path).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> skus(String path) {
        return json(path).getList("items.sku", String.class);
    }

    private static EmbeddedKafka kafka() {
        return KafkaTestResource.kafka();
    }

    private static void send(String topic, String key, byte[] value) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic, e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // a polling interval, not a wait for something to happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
