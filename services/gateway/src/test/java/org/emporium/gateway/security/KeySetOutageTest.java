package org.emporium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** What a client is told when its token cannot be checked: 503 for the provider's outage, 401 stays 401. */
class KeySetOutageTest {

    @Test
    void aKeySetThatCannotBeFetchedIsA503NotA500() {
        ReactiveJwtDecoder down = token -> Mono.error(new IllegalStateException("Could not obtain the keys"));

        assertThatThrownBy(() -> SecurityConfiguration.unavailableWhenKeysAre(down).decode("a.b.c").block())
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    // an ErrorResponse: the gateway's problem handler answers its status and reason as problem+json
                    assertThat(e.getBody().getDetail()).contains("identity provider is unavailable").doesNotContain("Exception");
                });
    }

    @Test
    void aBadTokenStaysTheClientsProblem() {
        ReactiveJwtDecoder strict = token -> Mono.error(new BadJwtException("expired"));

        assertThatThrownBy(() -> SecurityConfiguration.unavailableWhenKeysAre(strict).decode("a.b.c").block())
                .isInstanceOf(BadJwtException.class);
    }
}
