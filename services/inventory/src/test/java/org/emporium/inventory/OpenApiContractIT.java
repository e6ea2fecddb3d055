package org.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.OpenApiContract;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/inventory.yaml (what cart, search and the storefront's
 * clients rely on), must be exactly what the service serves. After an intended API change,
 * regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true} and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        assertThat(OpenApiContract.assertServedMatchesCommitted("inventory"))
                .contains("/api/inventory/{sku}:", "/api/inventory/reservations");
    }
}
