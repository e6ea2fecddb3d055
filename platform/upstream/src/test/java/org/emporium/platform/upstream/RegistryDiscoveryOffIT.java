package org.emporium.platform.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.stork.Stork;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Without {@code EMPORIUM_REGISTRY_URL} (Kubernetes, the services' own tests) Stork is configured for nothing. */
@QuarkusTest
class RegistryDiscoveryOffIT {

    @Test
    void withoutARegistryNothingStorkRelatedIsConfigured() {
        assertThat(StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("quarkus.stork."))).isEmpty();
        assertThat(Stork.getInstance().getServices()).isEmpty();
        assertThat(ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog.url", String.class))
                .isEqualTo("http://127.0.0.1:1");
    }
}
