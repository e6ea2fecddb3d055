package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.emporium.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/mobile.yaml (what the app is written against), must be
 * exactly what the storefront serves at /q/openapi, which describes the JSON API only (the HTML
 * pages are not an API). After an intended change, regenerate it with
 * {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -f services/storefront/pom.xml verify} and review
 * the diff. (The same stand-ins as the other page tests, so it runs in their application.)
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
@WithTestResource(RecommendationsStandInResource.class)
class MobileOpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedMobileContract() {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(served).contains("/api/mobile/products/{sku}:").doesNotContain("text/html");
        OpenApiContract.assertServedMatchesCommitted(served, "mobile");
    }
}
