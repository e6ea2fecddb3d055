package org.emporium.platform.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class RegistryDiscoveryTest {

    @Test
    void everyStorkUrlIsFoundInTheRegistryByItsServiceName() {
        Map<String, String> generated = generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "http://127.0.0.1:8761/eureka",
                "EMPORIUM_CATALOG_URL", "stork://catalog",
                "EMPORIUM_INVENTORY_URL", "stork://inventory",
                "EMPORIUM_CART_PORT", "8104"));

        assertThat(generated).containsOnly(
                entry("quarkus.stork.catalog.service-discovery.type", "eureka"),
                entry("quarkus.stork.catalog.service-discovery.eureka-host", "127.0.0.1"),
                entry("quarkus.stork.catalog.service-discovery.eureka-port", "8761"),
                entry("quarkus.stork.catalog.service-discovery.eureka-context-path", "/"),
                entry("quarkus.stork.catalog.service-discovery.eureka-tls", "false"),
                entry("quarkus.stork.catalog.service-discovery.application", "CATALOG"),
                entry("quarkus.stork.catalog.service-discovery.refresh-period", "1S"),
                entry("quarkus.stork.catalog.load-balancer.type", "least-response-time"),
                entry("quarkus.stork.catalog.load-balancer.declining-factor", "0.5"),
                entry("quarkus.stork.inventory.service-discovery.type", "eureka"),
                entry("quarkus.stork.inventory.service-discovery.eureka-host", "127.0.0.1"),
                entry("quarkus.stork.inventory.service-discovery.eureka-port", "8761"),
                entry("quarkus.stork.inventory.service-discovery.eureka-context-path", "/"),
                entry("quarkus.stork.inventory.service-discovery.eureka-tls", "false"),
                entry("quarkus.stork.inventory.service-discovery.application", "INVENTORY"),
                entry("quarkus.stork.inventory.service-discovery.refresh-period", "1S"),
                entry("quarkus.stork.inventory.load-balancer.type", "least-response-time"),
                entry("quarkus.stork.inventory.load-balancer.declining-factor", "0.5"));
    }

    @Test
    void withoutARegistryUrlNothingIsGenerated() {
        assertThat(new RegistryDiscovery().getConfigSources(context(Map.of(
                "EMPORIUM_CATALOG_URL", "stork://catalog")))).isEmpty();
        assertThat(new RegistryDiscovery().getConfigSources(context(Map.of(
                "EMPORIUM_REGISTRY_URL", " ", "EMPORIUM_CATALOG_URL", "stork://catalog")))).isEmpty();
    }

    @Test
    void plainUrlsAreLeftAloneEvenWithARegistry() {
        assertThat(generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "http://127.0.0.1:8761/eureka",
                "EMPORIUM_CATALOG_URL", "http://catalog:8101",
                "EMPORIUM_ZIPKIN_ENDPOINT", "stork://zipkin"))).isEmpty();
    }

    @Test
    void aRegistryBehindAPathOrTlsKeepsItsContextPathAndPort() {
        Map<String, String> generated = generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "https://registry.example/discovery/eureka/",
                "EMPORIUM_PAYMENTS_URL", "stork://payments/"));

        assertThat(generated)
                .containsEntry("quarkus.stork.payments.service-discovery.eureka-host", "registry.example")
                .containsEntry("quarkus.stork.payments.service-discovery.eureka-port", "443")
                .containsEntry("quarkus.stork.payments.service-discovery.eureka-context-path", "/discovery")
                .containsEntry("quarkus.stork.payments.service-discovery.eureka-tls", "true");
    }

    @Test
    void aUrlWithAPathNamesItsServiceToo() {
        assertThat(generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "http://127.0.0.1:8761/eureka",
                "EMPORIUM_AUTH_TOKEN_URL", "stork://identity/oauth2/token",
                "EMPORIUM_AUTH_JWKS_URL", "stork://identity/oauth2/jwks")))
                .containsEntry("quarkus.stork.identity.service-discovery.application", "IDENTITY")
                .containsEntry("quarkus.stork.identity.load-balancer.type", RegistryDiscovery.LOAD_BALANCER);
    }

    @Test
    void aMalformedUrlStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "http://127.0.0.1:8761/eureka",
                "EMPORIUM_CATALOG_URL", "stork://Catalog Service")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMPORIUM_CATALOG_URL");
        assertThatThrownBy(() -> generated(Map.of(
                "EMPORIUM_REGISTRY_URL", "http://127.0.0.1:8761",
                "EMPORIUM_CATALOG_URL", "stork://catalog")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMPORIUM_REGISTRY_URL");
    }

    private static Map<String, String> generated(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>();
        for (ConfigSource source : new RegistryDiscovery().getConfigSources(context(environment))) {
            assertThat(source.getOrdinal()).isEqualTo(RegistryDiscovery.ORDINAL);
            source.getPropertyNames().forEach(name -> properties.put(name, source.getValue(name)));
        }
        return properties;
    }

    /** The configuration built so far, as the factory sees it: here, only these variables. */
    private static ConfigSourceContext context(Map<String, String> environment) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(environment.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return environment.keySet().iterator();
            }
        };
    }
}
