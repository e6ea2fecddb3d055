package org.emporium.gateway.security;

import org.emporium.gateway.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token checks at the edge, on the API only (pages are the storefront's business, and skipping the
 * chain keeps them fast). Any bearer token on an API request is verified - a bad one is a 401 even
 * where a token is optional - and relayed unchanged to the service, which verifies it again and
 * decides by owner. The gateway itself insists on a token only where no anonymous caller can
 * succeed: admin writes to the catalog and inventory, payment inspection, and "mine" resources.
 * Stateless: no session, no saved request, no CSRF (API clients send tokens, not cookies).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] ADMIN = {"ROLE_admin", "ROLE_service"};

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, JsonMapper json, ReactiveJwtDecoder decoder) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // the SecureHeaders filter sets the headers; Spring's defaults would add no-cache to cacheable reads
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.POST, "/api/catalog/**", "/api/inventory/**").hasAnyAuthority(ADMIN)
                        .pathMatchers(HttpMethod.PUT, "/api/catalog/**", "/api/inventory/**").hasAnyAuthority(ADMIN)
                        .pathMatchers(HttpMethod.PATCH, "/api/catalog/**", "/api/inventory/**").hasAnyAuthority(ADMIN)
                        .pathMatchers(HttpMethod.DELETE, "/api/catalog/**", "/api/inventory/**").hasAnyAuthority(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/payments", "/api/payments/**").hasAnyAuthority(ADMIN)
                        .pathMatchers("/api/carts/mine", "/api/carts/mine/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/orders").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtDecoder(unavailableWhenKeysAre(decoder)))
                        .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, e, json))
                        .accessDeniedHandler((exchange, e) -> write(exchange, HttpStatus.FORBIDDEN,
                                "this needs the admin role", json)))
                .build();
    }

    /**
     * A token that cannot be checked because the key set cannot be fetched (identity down or
     * unreachable) is the provider's outage, not the client's fault and not the gateway's: 503, as
     * for a service that does not answer, instead of the 500 an unexpected exception would give.
     * Bad tokens stay {@link JwtException}s, which the resource server answers with 401.
     */
    static ReactiveJwtDecoder unavailableWhenKeysAre(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the access token cannot be checked now: the identity provider is unavailable; try again shortly", e));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e, JsonMapper json) {
        boolean tokenSent = e instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        // RFC 6750: name the error only when a token was sent; its description stays generic
        // (the reason - expired, wrong issuer, bad signature - is in the service's own answer)
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"the access token is invalid or expired\""
                : "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, tokenSent
                ? "the access token is invalid or expired" : "this needs a bearer access token", json);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, JsonMapper json) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(Problem.MEDIA_TYPE);
        byte[] body = json.writeValueAsBytes(Problem.of(status, detail, exchange.getRequest().getPath().value()));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
