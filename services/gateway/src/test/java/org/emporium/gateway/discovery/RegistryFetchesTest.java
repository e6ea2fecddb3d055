package org.emporium.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;

class RegistryFetchesTest {

    private static final String REGISTRY = "http://127.0.0.1:8761/eureka";

    @Test
    void registryFetchesAreNotObserved() {
        assertThat(RegistryFetches.isRegistryFetch(request(REGISTRY + "/apps/"), REGISTRY)).isTrue();
    }

    @Test
    void everythingElseIs() {
        assertThat(RegistryFetches.isRegistryFetch(request("http://127.0.0.1:8110/oauth2/jwks"), REGISTRY)).isFalse();
        assertThat(RegistryFetches.isRegistryFetch(new Observation.Context(), REGISTRY)).isFalse();
        assertThat(RegistryFetches.isRegistryFetch(request(REGISTRY + "/apps/"), "")).isFalse();
    }

    private static ClientRequestObservationContext request(String uri) {
        return new ClientRequestObservationContext(new MockClientHttpRequest(HttpMethod.GET, URI.create(uri)));
    }
}
