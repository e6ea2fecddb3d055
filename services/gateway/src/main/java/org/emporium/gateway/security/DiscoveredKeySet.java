package org.emporium.gateway.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.util.retry.Retry;

/**
 * The key set found in the registry: when the launcher names it {@code lb://identity/oauth2/jwks}
 * (ADR 0012), it is fetched through Spring Cloud LoadBalancer from any identity instance that
 * answers ready (they share their keys), a failed fetch retried on another, like the routes. Boot's
 * own decoder takes only a fixed URL, so this one replaces it then, with the same checks: RS256
 * signature, expiry and not-before, the issuer, and one of the configured audiences. With a plain
 * {@code http(s)://} URL (Kubernetes, another provider, the tests) Boot's decoder is used unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveredKeySet {

    private static final String LB = "lb://";

    /** A copy that refuses the connection (dead, still listed for a second) is replaced by another: once. */
    private static final ExchangeFilterFunction ANOTHER_INSTANCE_ON_CONNECT_FAILURE = (request, next) ->
            next.exchange(request).retryWhen(Retry.max(1).filter(WebClientRequestException.class::isInstance));

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.startsWith('lb://')")
    ReactiveJwtDecoder discoveredKeySetDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String keySet,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
            LoadBalancedExchangeFilterFunction loadBalancer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri("http://" + keySet.substring(LB.length()))
                // the first filter wraps the second: each attempt goes back through the load balancer
                .webClient(WebClient.builder().filter(ANOTHER_INSTANCE_ON_CONNECT_FAILURE).filter(loadBalancer).build())
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        return decoder;
    }
}
