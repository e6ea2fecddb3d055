package org.emporium.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.emporium.platform.testing.OpenApiContract;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/catalog.yaml, must be exactly what the service
 * serves. After an intended API change, regenerate it with
 * {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -pl services/catalog -am verify} and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        OpenApiContract.assertServedMatchesCommitted("catalog");
    }
}
