package org.emporium.cart;

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
 * The committed contract, contracts/openapi/cart.yaml (what the storefront, orders and the gateway's
 * clients rely on), must be exactly what the service serves. After an intended API change,
 * regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true} and review the diff. The same test
 * resources as CartEventsIT, so Quarkus reuses the running application.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        assertThat(OpenApiContract.assertServedMatchesCommitted("cart"))
                .contains("/api/carts/{id}/items:", "/api/carts/mine/merge:");
    }
}
