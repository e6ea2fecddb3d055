package org.emporium.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/search.yaml (what the storefront and the gateway's
 * clients rely on), must be exactly what the service serves. After an intended API change,
 * regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -pl services/search -am verify}
 * and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        // what the availability feature added to the contract
        assertThat(OpenApiContract.assertServedMatchesCommitted("search"))
                .contains("name: inStock", "availability:", "available:", "- \"null\"");
    }
}
