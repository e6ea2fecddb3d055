package org.emporium.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emporium.platform.testing.KafkaTestResource;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/search.yaml (what the storefront and the gateway's
 * clients rely on), must be exactly what the service serves. After an intended API change,
 * regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -pl services/search verify}
 * and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"),
                "openapi", "search.yaml");
        if ("true".equals(System.getenv("EMPORIUM_UPDATE_CONTRACTS"))) {
            Files.writeString(committed, served);
        }
        assertThat(committed).as("committed contract %s", committed).exists();
        // what the availability feature added to the contract
        assertThat(served).contains("name: inStock", "availability:", "available:", "- \"null\"");
        assertThat(served).as("the served OpenAPI document differs from %s; if the change is intended, "
                + "regenerate it with EMPORIUM_UPDATE_CONTRACTS=true", committed)
                .isEqualTo(Files.readString(committed));
    }
}
