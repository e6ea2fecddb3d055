package org.emporium.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verifier against real signed tokens and a JWKS served over HTTP. */
class TokenVerifierTest {

    private static TestIdentity identity;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        identity = TestIdentity.start();
        verifier = new TokenVerifier(identity.issuer(), Optional.empty(), "emporium", "roles");
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void acceptsAValidTokenAndReadsItsClaims() throws Exception {
        String token = identity.customer("alice-01");
        Caller caller = verifier.verify(token);
        assertThat(caller.subject()).isEqualTo("alice-01");
        assertThat(caller.email()).isEqualTo("alice-01@example.com");
        assertThat(caller.roles()).containsExactly("customer");
        assertThat(caller.token()).isEqualTo(token);
        assertThat(caller.isAdmin()).isFalse();
        assertThat(caller.toString()).doesNotContain(token);
        assertThat(verifier.verify(identity.admin()).isAdmin()).isTrue();
        assertThat(verifier.verify(identity.service()).isService()).isTrue();
    }

    @Test
    void fetchesTheKeySetOnceForManyTokens() throws Exception {
        int before = identity.keySetFetches();
        for (int i = 0; i < 50; i++) {
            verifier.verify(identity.customer("bob-" + i));
        }
        assertThat(identity.keySetFetches() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void refusesExpiredForeignStrangeAndTamperedTokens() {
        assertThatThrownBy(() -> verifier.verify(identity.expired("carol-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class).hasMessageContaining("xpired");
        assertThatThrownBy(() -> verifier.verify(identity.fromAnotherIssuer("carol-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> verifier.verify(identity.signedByAStranger("carol-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class);
        assertThatThrownBy(() -> verifier.verify(identity.tampered("carol-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class);
        assertThatThrownBy(() -> verifier.verify("not-a-token"))
                .isInstanceOf(TokenVerifier.InvalidToken.class).hasMessage("the token is not a JWT");
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        TokenVerifier otherAudience = new TokenVerifier(identity.issuer(), Optional.empty(), "another-api", "roles");
        assertThatThrownBy(() -> otherAudience.verify(identity.customer("dave-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class).hasMessageContaining("aud");
    }

    @Test
    void refusesEverythingWhenTheKeySetIsUnreachable() throws Exception {
        TokenVerifier nowhere = new TokenVerifier(identity.issuer(), Optional.of("http://127.0.0.1:1/jwks"), "emporium", "roles");
        assertThatThrownBy(() -> nowhere.verify(identity.customer("erin-01")))
                .isInstanceOf(TokenVerifier.InvalidToken.class);
    }
}
