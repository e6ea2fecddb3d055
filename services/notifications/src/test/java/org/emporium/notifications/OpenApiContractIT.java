package org.emporium.notifications;

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
 * The committed contract, contracts/openapi/notifications.yaml (the admin API), must be exactly
 * what the service serves. After an intended API change, regenerate it with
 * {@code EMPORIUM_UPDATE_CONTRACTS=true} and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class OpenApiContractIT {

    @Test
    void servedOpenApiMatchesTheCommittedContract() {
        assertThat(OpenApiContract.assertServedMatchesCommitted("notifications")).contains("/api/notifications:");
    }
}
