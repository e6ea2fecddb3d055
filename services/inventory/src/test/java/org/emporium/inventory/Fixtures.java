package org.emporium.inventory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.Await;

/** What the integration tests share: fresh SKUs of their own, request bodies, polling with a deadline. */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger SKUS = new AtomicInteger();

    private Fixtures() {
    }

    /** A SKU no other test touches, stocked with {@code onHand} units through the admin API (an admin token). */
    static String stockedSku(int onHand) {
        String sku = "T" + Integer.toHexString(Math.abs(UUID.randomUUID().hashCode())).toUpperCase() + "-"
                + SKUS.incrementAndGet();
        Auth.asAdmin().contentType(ContentType.JSON).body("{\"onHand\":" + onHand + "}")
                .put("/api/inventory/" + sku).then().statusCode(200);
        return sku;
    }

    /** A reservation body; {@code skuQuantity} alternates SKU and quantity. */
    static String reservation(UUID id, Object... skuQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skuQuantity[i]).append("\",\"quantity\":")
                    .append(skuQuantity[i + 1]).append('}');
        }
        return "{\"id\":\"" + id + "\",\"lines\":[" + lines + "]}";
    }

    static int available(String sku) {
        return given().get("/api/inventory/" + sku).then().statusCode(200).extract().path("available");
    }

    /** Polls until the condition holds; fails at the deadline. No fixed sleeps. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Await.until(what, deadline, condition);
    }
}
