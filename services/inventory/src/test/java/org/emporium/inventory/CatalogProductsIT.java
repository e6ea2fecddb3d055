package org.emporium.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.emporium.inventory.domain.InitialStock;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.EventContract;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Inventory stocks what the catalog announces on catalog.product.v1 (as the catalog does, in the
 * contract's form): every new SKU with its deterministic initial quantity, never twice.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class CatalogProductsIT {

    private static final EventContract PRODUCTS = EventContract.of("catalog.product.v1");
    private static final String GROUP = "inventory-catalog";

    @Test
    void stocksEveryProductTheCatalogAnnouncesWithItsDeterministicQuantity() throws Exception {
        String run = Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
        List<String> skus = new ArrayList<>(IntStream.rangeClosed(1, 60).mapToObj(i -> "C" + run + "-" + i).toList());
        // and one whose initial stock is none, as about 5% of the catalog's are
        skus.add(IntStream.range(0, 10_000).mapToObj(i -> "Z" + run + "-" + i)
                .filter(sku -> InitialStock.quantity(sku) == 0).findFirst().orElseThrow());
        String outOfStock = skus.getLast();
        Map<String, Integer> expected = InitialStock.quantities(skus);

        PRODUCTS.send(skus.stream().map(CatalogProductsIT::upserted).toList());
        PRODUCTS.awaitConsumedBy(GROUP);

        given().get("/api/inventory/" + skus.getFirst()).then().statusCode(200)
                .body("sku", equalTo(skus.getFirst()))
                .body("available", equalTo(expected.get(skus.getFirst())))
                .body("reserved", equalTo(0));
        given().get("/api/inventory/" + outOfStock).then().statusCode(200).body("available", equalTo(0));
        given().queryParam("skus", String.join(",", skus)).get("/api/inventory").then()
                .statusCode(200).body("items", hasSize(skus.size())).body("unknown", hasSize(0));
        for (String sku : skus) {
            assertThat(Fixtures.available(sku)).as(sku).isEqualTo(expected.get(sku));
        }
    }

    @Test
    void aProductAnnouncedAgainOrAlreadyCountedKeepsItsStock() throws Exception {
        String counted = Fixtures.stockedSku(7); // an admin counted it before the catalog announced it
        String run = Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
        String sold = "S" + run + "-1";
        PRODUCTS.send(List.of(upserted(counted), upserted(sold)));
        PRODUCTS.awaitConsumedBy(GROUP);
        int initial = InitialStock.quantity(sold);
        assertThat(Fixtures.available(sold)).isEqualTo(initial);
        Auth.asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .body("{\"onHand\":" + (initial + 5) + "}").put("/api/inventory/" + sold).then().statusCode(200);

        // an update of both products, a record that is no event, and a SKU outside the format
        PRODUCTS.send(List.of(upserted(counted), upserted(sold), Map.entry("x", "this is no event"),
                upserted("lower-case")));
        PRODUCTS.awaitConsumedBy(GROUP);

        assertThat(Fixtures.available(counted)).isEqualTo(7);
        assertThat(Fixtures.available(sold)).isEqualTo(initial + 5);
        given().get("/api/inventory/LOWER-CASE").then().statusCode(404);
    }

    /** A ProductUpserted as the catalog publishes it (checked against its schema), keyed by product id. */
    private static Map.Entry<String, String> upserted(String sku) {
        String id = UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString();
        String now = OffsetDateTime.now().toString();
        String data = """
                {"id":"%s","sku":"%s","name":"Product %s","description":"","brand":"Testco","category":"books",\
                "price":{"amount":"9.99","currency":"USD"},"imageUrl":null,"attributes":{},"createdAt":"%s",\
                "updatedAt":"%s","version":1}""".formatted(id, sku, sku, now, now);
        return Map.entry(id, PRODUCTS.cloudEvent(UUID.randomUUID(), "/emporium/catalog", "ProductUpserted", id, data));
    }
}
