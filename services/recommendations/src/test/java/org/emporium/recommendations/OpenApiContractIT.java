package org.emporium.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, contracts/openapi/recommendations.yaml (what the storefront and the
 * gateway rely on), must be exactly what the service serves. After an intended API change,
 * regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true ./mvnw -f services/recommendations/pom.xml verify}
 * and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(SeedProfiles.Off.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        assertThat(OpenApiContract.assertServedMatchesCommitted("recommendations")).contains(
                "/api/recommendations/products/{sku}:", "/api/recommendations/shoppers/{id}:", "modelVersion:", "bought-together");
    }
}
