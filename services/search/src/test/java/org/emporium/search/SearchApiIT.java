package org.emporium.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.search.index.Product;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service end to end against a real Kafka broker: the topic appears after the service
 * started, the seeded catalog arrives as events in the contract's format with updates,
 * duplicates, out-of-order versions, deletes and junk, and the API answers from it. Inventory's
 * stock topic appears only later (search is ready without it), with levels before their product,
 * out of order and redelivered.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchApiIT {

    static final String TOPIC = "catalog.product.v1";
    static final String STOCK_TOPIC = "inventory.stock.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PROBLEM = "application/problem+json";

    private static final List<Product> SEED = SeedCatalog.products();
    // products changed by the test; books, so that no judged query depends on them
    private static final Product RENAMED = bySku("BOK-000001");
    private static final Product DELETED = bySku("BOK-000002");
    // products given stock levels by the test (books too), and one whose level comes before it
    private static final Product IN_STOCK = bySku("BOK-000010");
    private static final Product SOLD_OUT = bySku("BOK-000011");
    private static final Product REORDERED = bySku("BOK-000012");
    private static final Product REDELIVERED = bySku("BOK-000013");
    private static final Product STOCK_ONLY = new Product("p-stock-first", "BOK-900001", "Quokka Pocket Atlas", "Maps.",
            "Paper Kite", "books", new java.math.BigDecimal("9.00"), "USD", null, Map.of(), null, 1);

    @jakarta.inject.Inject
    SearchService service;

    @Test
    @Order(1)
    void isLiveButNotReadyWhileTheTopicDoesNotExist() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    @Order(2)
    void indexesTheCatalogFromEventsIgnoringStaleDuplicateAndMalformedOnes() {
        kafka().createTopic(TOPIC, 3, Map.of("cleanup.policy", "compact"));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Product p : SEED) {
                producer.send(new ProducerRecord<>(TOPIC, p.id(), CatalogEvents.upserted(p)));
            }
            Product renamed = CatalogEvents.withVersion(RENAMED, 2, "Zyzzyva Field Guide, Revised", "31.00");
            send(producer, renamed.id(), CatalogEvents.upserted(renamed));
            send(producer, renamed.id(), CatalogEvents.upserted(renamed));   // a duplicate delivery
            send(producer, RENAMED.id(), CatalogEvents.upserted(RENAMED));   // version 1 again, late
            send(producer, DELETED.id(), CatalogEvents.deleted(DELETED.id(), DELETED.sku(), 2));
            send(producer, DELETED.id(), CatalogEvents.upserted(DELETED));   // the older upsert, redelivered
            send(producer, "junk", "{not json".getBytes());
            send(producer, "junk", null);
            send(producer, "x", CatalogEvents.envelope("emporium.catalog.ProductRenamed", "x",
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", "x")));
            Product late = CatalogEvents.withVersion(bySku("BOK-000003"), 2, "Quillon Almanac", "12.00");
            send(producer, late.id(), CatalogEvents.upserted(late));         // after the junk: still applied
        }
        await("the whole catalog is searchable", () -> total("") == SEED.size() - 1 && total("quillon") == 1);
        given().get("/q/health/ready").then().statusCode(200);

        search("zyzzyva").body("total", equalTo(1)).body("items[0].sku", equalTo("BOK-000001"))
                .body("items[0].price.amount", equalTo("31.00"));
        search(RENAMED.sku()).body("items[0].name", equalTo("Zyzzyva Field Guide, Revised")); // late version 1 lost
        assertThat(total(DELETED.sku())).isZero();
        // inventory has not created its topic yet: ready anyway, every level unknown
        search(RENAMED.sku()).body("items[0].available", nullValue()).body("items[0].inStock", nullValue())
                .body("facets.availability.value", equalTo(List.of("in-stock", "out-of-stock")))
                .body("facets.availability.count", equalTo(List.of(0, 0)));
        assertThat(inStock("")).isZero();
    }

    @Test
    @Order(3)
    void answersTheJudgedQueries() {
        List<String> misses = JudgedQueries.misses(q -> given().queryParam("q", q).queryParam("size", 5)
                .get("/api/search").then().statusCode(200).extract().jsonPath().getList("items.sku", String.class));
        assertThat(misses).isEmpty();
    }

    @Test
    @Order(4)
    void answersWithItemsFacetsSnippetsAndCorrections() {
        JsonPath page = given().queryParams("q", "studio headphones", "size", 3, "brand", "Sonder").get("/api/search")
                .then().statusCode(200).contentType("application/json")
                .body("items", hasSize(3)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("items.brand", everyItem(equalTo("Sonder")))
                .body("items[0].snippet", containsString("<mark>"))
                .body("didYouMean", nullValue())
                .extract().jsonPath();
        assertThat(page.getList("facets.brand.value", String.class)).contains("Sonder", "Fjell Acoustics");
        assertThat(page.getList("facets.price", Map.class)).hasSize(7);
        assertThat(page.getList("items.price.currency", String.class)).containsOnly("USD");

        given().queryParam("q", "hedphones").get("/api/search").then().statusCode(200)
                .body("didYouMean", equalTo("headphones"));
        given().queryParams("q", "", "category", "books", "sort", "-price", "size", 100).get("/api/search")
                .then().statusCode(200).body("total", equalTo(269)).body("items.category", everyItem(equalTo("books")));
        given().queryParam("q", "\"*?~:()[]{}^\\/!&|").get("/api/search").then().statusCode(200);

        given().queryParam("q", "sond").get("/api/search/suggest").then().statusCode(200)
                .body("suggestions[0].text", equalTo("Sonder")).body("suggestions[0].kind", equalTo("brand"))
                .body("suggestions[0].sku", nullValue())
                .body("suggestions[1].kind", equalTo("product"));
        given().queryParam("q", "").get("/api/search/suggest").then().statusCode(200).body("suggestions", hasSize(0));
    }

    @Test
    @Order(5)
    void refusesBadInputWithAProblemNamingTheParameter() {
        bad("q", "q", "x".repeat(257));
        bad("size", "size", "0");
        bad("size", "size", "101");
        bad("page", "page", "-1");
        bad("page", "page", "500", "size", "100");
        bad("size", "size", "many");
        bad("minPrice", "minPrice", "50", "maxPrice", "10");
        bad("sort", "sort", "cheapest");
        bad("colour", "colour", "red");
        bad("q", "q", "a\u0000b");
        bad("inStock", "inStock", "yes");
        given().queryParam("size", 50).get("/api/search/suggest").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @Order(6)
    void makesAChangeSearchableWellWithinASecond() {
        List<Long> millis = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 200; i++) {
                Product p = SEED.get(i * 7);
                String word = "Latency" + i + "x";
                Product changed = CatalogEvents.withVersion(p, 100 + i, p.name() + " " + word, p.price().toPlainString());
                long start = System.nanoTime();
                send(producer, p.id(), CatalogEvents.upserted(changed));
                await("change " + i + " searchable", () -> total(word) == 1);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(millis);
        long p50 = millis.get(99);
        long p99 = millis.get(197);
        System.out.printf("search: Kafka-to-searchable latency over 200 changes: p50 %d ms, p99 %d ms, max %d ms%n",
                p50, p99, millis.get(199));
        assertThat(p99).isLessThan(1000);
    }

    @Test
    @Order(7)
    void survivesKafkaBeingDownAndConvergesWhenItIsBack() {
        kafka().stopBroker();
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(total("")).isEqualTo(SEED.size() - 1); // still serving the index it has
        kafka().startBroker();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 100; i++) {
                Product p = SEED.get(1000 + i);
                send(producer, p.id(), CatalogEvents.upserted(CatalogEvents.withVersion(p, 500, p.name() + " Restocked",
                        p.price().toPlainString())));
            }
        }
        await("all 100 changes after Kafka came back", () -> total("restocked") == 100);
    }

    @Test
    @Order(8)
    void rebuildsAMissingOrCorruptIndexFromTheTopic(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int products = SEED.size() - 1;
        Following first = follow(dir);
        assertThat(first.products()).isEqualTo(products);
        assertThat(first.rebuilt()).isFalse();

        Following resumed = follow(dir);  // from the committed offsets: nothing to replay
        assertThat(resumed.rebuilt()).isFalse();
        assertThat(resumed.eventsRead()).isZero();
        assertThat(resumed.products()).isEqualTo(products);

        corruptLargestFile(dir);
        Following afterCorruption = follow(dir);
        assertThat(afterCorruption.rebuilt()).isTrue();
        assertThat(afterCorruption.eventsRead()).isGreaterThan(products);
        assertThat(afterCorruption.products()).isEqualTo(products);

        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        Following afterLostCommit = follow(dir);
        assertThat(afterLostCommit.rebuilt()).isTrue();
        assertThat(afterLostCommit.products()).isEqualTo(products);
    }

    @Test
    @Order(9)
    void showsAvailabilityFromInventoryEventsOnceItsTopicAppears() {
        long readBefore = service.consumer().eventsRead();
        kafka().createTopic(STOCK_TOPIC, 3, Map.of());
        int stockRecords = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            sendStock(producer, STOCK_ONLY.sku(), StockEvents.levelChanged(STOCK_ONLY.sku(), 4, 1)); // before its product
            sendStock(producer, IN_STOCK.sku(), StockEvents.levelChanged(IN_STOCK.sku(), 5, 1));
            sendStock(producer, SOLD_OUT.sku(), StockEvents.levelChanged(SOLD_OUT.sku(), 0, 1));
            sendStock(producer, REORDERED.sku(), StockEvents.levelChanged(REORDERED.sku(), 7, 3));
            sendStock(producer, REORDERED.sku(), StockEvents.levelChanged(REORDERED.sku(), 0, 2)); // older, late
            sendStock(producer, REDELIVERED.sku(), StockEvents.levelChanged(REDELIVERED.sku(), 3, 1));
            sendStock(producer, REDELIVERED.sku(), StockEvents.levelChanged(REDELIVERED.sku(), 3, 1)); // again
            sendStock(producer, RENAMED.sku(), StockEvents.levelChanged(RENAMED.sku(), 2, 1));
            sendStock(producer, "r-1", StockEvents.reserved("r-1", IN_STOCK.sku()));  // shares the topic; ignored
            sendStock(producer, "junk", "{not json".getBytes());
            stockRecords = 10;
        }
        // The service finds the new topic by itself (metadata checked every few seconds) and reads
        // it from the beginning; only then does the product of the early level arrive.
        long read = readBefore + stockRecords;
        await("the stock topic read", () -> service.consumer().eventsRead() >= read);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, STOCK_ONLY.id(), CatalogEvents.upserted(STOCK_ONLY));
            Product renamedAgain = CatalogEvents.withVersion(RENAMED, 3, "Zyzzyva Field Guide, Third Edition", "33.00");
            send(producer, renamedAgain.id(), CatalogEvents.upserted(renamedAgain)); // must keep its level
        }
        await("the product of the early level and the renamed one", () -> available(STOCK_ONLY.sku()) == 4
                && "Zyzzyva Field Guide, Third Edition".equals(search(RENAMED.sku()).extract().path("items[0].name")));
        given().get("/q/health/ready").then().statusCode(200);

        hit(STOCK_ONLY.sku()).body("items[0].available", equalTo(4)).body("items[0].inStock", equalTo(true));
        hit(IN_STOCK.sku()).body("items[0].available", equalTo(5)).body("items[0].inStock", equalTo(true));
        hit(SOLD_OUT.sku()).body("items[0].available", equalTo(0)).body("items[0].inStock", equalTo(false));
        hit(REORDERED.sku()).body("items[0].available", equalTo(7));
        hit(REDELIVERED.sku()).body("items[0].available", equalTo(3));
        hit(RENAMED.sku()).body("items[0].name", equalTo("Zyzzyva Field Guide, Third Edition"))
                .body("items[0].available", equalTo(2));
        hit("BOK-000020").body("items[0].available", nullValue()).body("items[0].inStock", nullValue());

        // five in stock, one sold out, the rest unknown (in neither count, not in stock for the filter)
        JsonPath inStock = given().queryParams("inStock", "true", "size", 100).get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(inStock.getList("items.sku", String.class)).containsExactlyInAnyOrder(STOCK_ONLY.sku(), IN_STOCK.sku(),
                REORDERED.sku(), REDELIVERED.sku(), RENAMED.sku());
        assertThat(inStock.getList("items.inStock", Boolean.class)).containsOnly(true);
        assertThat(inStock.getList("facets.availability.count", Integer.class)).as("drill-sideways: its own filter ignored")
                .containsExactly(5, 1);
        assertThat(inStock.getList("facets.category.value", String.class)).containsExactly("books");
        given().get("/api/search").then().statusCode(200).body("facets.availability.count", equalTo(List.of(5, 1)))
                .body("total", equalTo(SEED.size()));
        given().queryParams("q", "zyzzyva", "inStock", "true").get("/api/search").then().statusCode(200)
                .body("total", equalTo(1)).body("facets.availability.count", equalTo(List.of(1, 0)));
        given().queryParams("category", "books", "inStock", "true").get("/api/search").then().statusCode(200)
                .body("total", equalTo(5)).body("facets.availability.count", equalTo(List.of(5, 1)));
    }

    @Test
    @Order(10)
    void makesAStockChangeVisibleAsFastAsAProductChange() {
        List<Long> millis = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 50; i++) {
                int available = i % 2 == 0 ? 0 : i;
                long start = System.nanoTime();
                sendStock(producer, SOLD_OUT.sku(), StockEvents.levelChanged(SOLD_OUT.sku(), available, 2 + i));
                await("stock change " + i + " visible", () -> available(SOLD_OUT.sku()) == available);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(millis); // the last change (i = 49) left it in stock with 49
        System.out.printf("search: Kafka-to-visible stock latency over 50 changes: p50 %d ms, max %d ms%n",
                millis.get(24), millis.get(49));
        assertThat(millis.get(48)).isLessThan(1000);
        assertThat(inStock("")).isEqualTo(6);
    }

    @Test
    @Order(11)
    void rebuildsAndResumesBothTopics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Following rebuilt = follow(dir);   // an empty index: both topics replayed from the beginning
        assertThat(rebuilt.products()).isEqualTo(SEED.size());
        assertThat(rebuilt.inStock()).isEqualTo(6);
        Following resumed = follow(dir);   // the stock topic's offsets are in the commit too
        assertThat(resumed.eventsRead()).isZero();
        assertThat(resumed.inStock()).isEqualTo(6);
        corruptLargestFile(dir);
        Following afterCorruption = follow(dir);
        assertThat(afterCorruption.rebuilt()).isTrue();
        assertThat(afterCorruption.inStock()).isEqualTo(6);
    }

    record Following(boolean rebuilt, long eventsRead, int products, long inStock) {
    }

    /** Opens the index in {@code dir}, follows the topic until caught up, stops and closes. */
    private static Following follow(java.nio.file.Path dir) throws Exception {
        try (var index = org.emporium.search.index.SearchIndex.open(dir)) {
            var consumer = org.emporium.search.messaging.IndexEventConsumer.start(index, TOPIC, STOCK_TOPIC,
                    kafka().bootstrapServers());
            await("caught up", consumer::caughtUp);
            consumer.stop(Duration.ofSeconds(5));
            long inStock = new org.emporium.search.index.ProductSearch(index)
                    .search(org.emporium.search.index.SearchRequest.text("").inStockOnly()).total();
            return new Following(index.rebuilt(), consumer.eventsRead(), index.productCount(), inStock);
        }
    }

    private static void corruptLargestFile(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path largest;
        try (var files = java.nio.file.Files.list(dir)) {
            largest = files.max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (var file = new java.io.RandomAccessFile(largest.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37});
        }
    }

    static EmbeddedKafka kafka() {
        return KafkaTestResource.kafka();
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sendStock(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(STOCK_TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int inStock(String q) {
        return given().queryParams("q", q, "size", 1, "inStock", "true").get("/api/search").then().statusCode(200)
                .extract().path("total");
    }

    /** The available units of the product with this SKU, -1 while unknown or while there is no such product. */
    static int available(String sku) {
        JsonPath page = given().queryParam("q", sku).queryParam("size", 1).get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        Integer available = page.getInt("total") == 0 || !sku.equals(page.getString("items[0].sku")) ? null
                : page.get("items[0].available");
        return available == null ? -1 : available;
    }

    static io.restassured.response.ValidatableResponse hit(String sku) {
        return search(sku).body("items[0].sku", equalTo(sku));
    }

    static int total(String q) {
        return given().queryParam("q", q).queryParam("size", 1).get("/api/search").then().statusCode(200)
                .extract().path("total");
    }

    static io.restassured.response.ValidatableResponse search(String q) {
        return given().queryParam("q", q).get("/api/search").then().statusCode(200);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // polling interval, not a wait for the result
        }
    }

    private static void bad(String field, String... keyValues) {
        var request = given();
        for (int i = 0; i < keyValues.length; i += 2) {
            request.queryParam(keyValues[i], keyValues[i + 1]);
        }
        request.get("/api/search").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field));
    }

    private static Product bySku(String sku) {
        return SEED.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
    }
}
