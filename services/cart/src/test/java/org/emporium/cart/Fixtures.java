package org.emporium.cart;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.emporium.platform.testing.Await;

/** What the integration tests share: new carts, adding to them, SKUs of their own, polling with a deadline. */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger SKUS = new AtomicInteger(100);

    private Fixtures() {
    }

    static String newCart() {
        return given().post("/api/carts").then().statusCode(201).extract().path("id");
    }

    /** An {@code ANY-<n>} SKU no other test uses; the catalog stand-in knows every one of them. */
    static String freshSku() {
        return "ANY-" + SKUS.incrementAndGet();
    }

    static ValidatableResponse add(String cart, String sku, Object quantity) {
        return given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                .post("/api/carts/" + cart + "/items").then();
    }

    /** A {@code TEE-<n>} SKU no other test uses: a T-shirt the catalog stand-in offers in sizes XS-XL. */
    static String freshTee() {
        return "TEE-" + SKUS.incrementAndGet();
    }

    /** Adds units of a SKU in a size. */
    static ValidatableResponse add(String cart, String sku, String size, Object quantity) {
        return given().contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"options\":{\"size\":\"" + size + "\"}}")
                .post("/api/carts/" + cart + "/items").then();
    }

    static ValidatableResponse set(String cart, String sku, Object quantity) {
        return given().contentType(ContentType.JSON).body("{\"quantity\":" + quantity + "}")
                .put("/api/carts/" + cart + "/items/" + sku).then();
    }

    /** Polls until the condition holds; fails at the deadline. No fixed sleeps. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Await.until(what, deadline, condition);
    }
}
