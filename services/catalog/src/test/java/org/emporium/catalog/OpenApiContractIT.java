package org.emporium.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/catalog.yaml, must be exactly what the service
 * serves. After an intended API change, regenerate it with
 * {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -pl services/catalog verify} and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"),
                "openapi", "catalog.yaml");
        if ("true".equals(System.getenv("EMPORIUM_UPDATE_CONTRACTS"))) {
            Files.writeString(committed, served);
        }
        assertThat(committed).as("committed contract %s", committed).exists();
        assertThat(served).as("the served OpenAPI document differs from %s; if the change is intended, "
                + "regenerate it with EMPORIUM_UPDATE_CONTRACTS=true", committed)
                .isEqualTo(Files.readString(committed));
    }
}
