package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.chaos.SystemUnderTest.await;
import static org.emporium.chaos.SystemUnderTest.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Catalog → outbox → Kafka → search, with real processes: how fast a change becomes searchable,
 * and that the index converges to the catalog exactly (nothing missing, nothing duplicated) when
 * Kafka is down for a while or search is killed in the middle of consuming.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogToSearchIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.start("postgres", "identity", "kafka", "catalog", "search");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aCatalogChangeIsSearchableWithinASecondOfItsCommit() throws IOException {
        String category = system.getJson("catalog", "/api/catalog/categories").path("items").get(0).path("slug").asText();
        List<JsonNode> live = new ArrayList<>();
        List<Long> latenciesMillis = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long committedAt;
            Predicate<JsonNode> visible;
            String word;
            switch (i % 4) {
                case 0, 1 -> {
                    word = "qzprobe" + i;
                    String sku = "FRESH-" + i;
                    JsonNode created = system.catalogWrite("POST", "/api/catalog/products",
                            request(sku, "Freshness " + word + " lamp", category, "10.00"), 201);
                    committedAt = System.nanoTime();
                    live.add(created);
                    visible = results -> has(results, sku, "10.00");
                }
                case 2 -> {
                    JsonNode product = live.get(live.size() - 1);
                    word = product.path("name").asText().split(" ")[1];
                    String price = "%d.50".formatted(20 + i);
                    system.catalogWrite("PUT", "/api/catalog/products/" + product.path("id").asText(),
                            request(product.path("sku").asText(), product.path("name").asText(), category, price), 200);
                    committedAt = System.nanoTime();
                    visible = results -> has(results, product.path("sku").asText(), price);
                }
                default -> {
                    JsonNode product = live.remove(0);
                    word = product.path("name").asText().split(" ")[1];
                    system.catalogWrite("DELETE", "/api/catalog/products/" + product.path("id").asText(), null, 204);
                    committedAt = System.nanoTime();
                    visible = results -> !has(results, product.path("sku").asText(), null);
                }
            }
            String path = "/api/search?size=100&q=" + encode(word);
            await(Duration.ofSeconds(30), "change " + i + " searchable", () -> visible.test(system.getJson("search", path)));
            latenciesMillis.add(Duration.ofNanos(System.nanoTime() - committedAt).toMillis());
        }

        Collections.sort(latenciesMillis);
        String report = "change-to-searchable latency over %d changes (create, price change, delete): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms"
                .formatted(latenciesMillis.size(), percentile(latenciesMillis, 50), percentile(latenciesMillis, 90),
                        percentile(latenciesMillis, 99), latenciesMillis.getLast());
        System.out.println(report);
        Files.writeString(Path.of("target", "freshness.txt"), report + System.lineSeparator());
        assertThat(percentile(latenciesMillis, 99)).as(report).isLessThanOrEqualTo(1000);
    }

    @Test
    @Order(2)
    void whileKafkaIsDownCatalogKeepsWorkingAndSearchCatchesUpAfterwards() {
        List<String> skus = new ArrayList<>(catalogPrices().keySet()).subList(0, 100);
        system.stop("kafka");
        try {
            for (String sku : skus) {
                changePrice(sku, "7%03d.25".formatted(skus.indexOf(sku)));
            }
        } finally {
            system.start("kafka");
        }
        assertConverged();
    }

    @Test
    @Order(3)
    void searchKilledWhileConsumingConvergesWithoutDuplicatesOrGaps() throws InterruptedException {
        List<String> skus = new ArrayList<>(catalogPrices().keySet()).subList(100, 300);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("catalog-writer").start(() -> {
            try {
                for (int i = 0; i < 600; i++) {
                    changePrice(skus.get(i % skus.size()), "%d.%02d".formatted(100 + i, i % 100));
                    done.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        await(Duration.ofSeconds(60), "150 changes written", () -> done.get() >= 150 || failure.get() != null);
        system.kill("search");
        await(Duration.ofSeconds(60), "300 changes written", () -> done.get() >= 300 || failure.get() != null);
        system.start("search");
        writer.join(Duration.ofSeconds(120));
        assertThat(failure.get()).as("the catalog writer").isNull();
        assertThat(done.get()).isEqualTo(600);
        assertConverged();
    }

    /**
     * A second copy of search (issue 16) builds its own index from the topic and is then a full
     * replica: every change is searchable on both copies within a second, and both hold exactly the catalog.
     */
    @Test
    @Order(4)
    void aSecondCopyIsAFullReplicaThatAnswersAsTheFirstWithinASecond() {
        system.startCopy("search", 2);
        assertConverged("search", "search-2");
        List<Long> latenciesMillis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String sku = "REPLICA-" + i;
            system.catalogWrite("POST", "/api/catalog/products", request(sku, "Replica qzreplica" + i + " lamp",
                    system.getJson("catalog", "/api/catalog/categories").path("items").get(0).path("slug").asText(), "10.00"), 201);
            long committedAt = System.nanoTime();
            for (String copy : List.of("search", "search-2")) {
                String path = "/api/search?size=10&q=qzreplica" + i;
                await(Duration.ofSeconds(30), sku + " searchable on " + copy, () -> has(system.getJson(copy, path), sku, "10.00"));
            }
            latenciesMillis.add(Duration.ofNanos(System.nanoTime() - committedAt).toMillis());
        }
        Collections.sort(latenciesMillis);
        String report = "a change searchable on both copies: p50 %d ms, p99 %d ms, max %d ms over %d changes"
                .formatted(percentile(latenciesMillis, 50), percentile(latenciesMillis, 99), latenciesMillis.getLast(),
                        latenciesMillis.size());
        System.out.println(report);
        assertThat(percentile(latenciesMillis, 99)).as(report).isLessThanOrEqualTo(1000);
        assertConverged("search", "search-2");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void changePrice(String sku, String amount) {
        JsonNode product = system.getJson("catalog", "/api/catalog/products/sku/" + encode(sku));
        ObjectNode request = SystemUnderTest.JSON.createObjectNode();
        for (String field : List.of("sku", "name", "description", "brand", "category", "imageUrl", "attributes")) {
            request.set(field, product.get(field));
        }
        request.putObject("price").put("amount", amount).put("currency", "USD");
        system.catalogWrite("PUT", "/api/catalog/products/" + product.path("id").asText(), request.toString(), 200);
    }

    /** Search holds exactly the catalog: every product once, with its current price. */
    private static void assertConverged() {
        assertConverged("search");
    }

    /** Each copy of search holds exactly the catalog. */
    private static void assertConverged(String... copies) {
        Map<String, String> expected = catalogPrices();
        for (String copy : copies) {
            await(CONVERGENCE, copy + " converges to the catalog's " + expected.size() + " products", () -> {
                Map<String, String> indexed = searchPrices(copy);
                return indexed != null && indexed.equals(expected);
            });
        }
    }

    private static Map<String, String> catalogPrices() {
        Map<String, String> prices = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = system.getJson("catalog", "/api/catalog/products?size=100&sort=price&page=" + page).path("items");
            if (items.isEmpty()) {
                return new java.util.TreeMap<>(prices);
            }
            items.forEach(item -> prices.put(item.path("sku").asText(), item.path("price").path("amount").asText()));
        }
    }

    /** Every indexed product by SKU; null when a SKU appears twice (a duplicate document). */
    private static Map<String, String> searchPrices(String copy) {
        Map<String, String> prices = new HashMap<>();
        long total = -1;
        int seen = 0;
        for (int page = 0; total < 0 || (long) page * 100 < total; page++) {
            JsonNode answer = system.getJson(copy, "/api/search?size=100&sort=price&page=" + page);
            total = answer.path("total").asLong();
            for (JsonNode item : answer.path("items")) {
                prices.put(item.path("sku").asText(), item.path("price").path("amount").asText());
                seen++;
            }
        }
        return seen == prices.size() && seen == total ? new java.util.TreeMap<>(prices) : null;
    }

    private static boolean has(JsonNode results, String sku, String price) {
        for (JsonNode item : results.path("items")) {
            if (item.path("sku").asText().equals(sku)
                    && (price == null || new BigDecimal(item.path("price").path("amount").asText()).compareTo(new BigDecimal(price)) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static String request(String sku, String name, String category, String price) {
        return """
                {"sku":"%s","name":"%s","description":"A lamp that proves how fresh search is.","brand":"Probe Works",
                 "category":"%s","price":{"amount":"%s","currency":"USD"},"attributes":{}}"""
                .formatted(sku, name, category, price);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
