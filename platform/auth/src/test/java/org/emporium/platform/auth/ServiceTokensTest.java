package org.emporium.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    private static TestIdentity identity;

    @BeforeAll
    static void start() {
        identity = TestIdentity.start();
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void fetchesAServiceTokenOnceAndReusesItUntilItNearlyExpires() throws Exception {
        ServiceTokens tokens = new ServiceTokens(identity.issuer(), Optional.empty(), TestIdentity.SERVICE_CLIENT,
                Optional.of(TestIdentity.SERVICE_SECRET));
        int before = identity.tokenRequests();
        String token = tokens.token();
        assertThat(tokens.token()).isEqualTo(token);
        assertThat(identity.tokenRequests() - before).isEqualTo(1);
        Caller caller = new TokenVerifier(identity.issuer(), Optional.empty(), "emporium", "roles").verify(token);
        assertThat(caller.isService()).isTrue();
        tokens.invalidate();
        tokens.token();
        assertThat(identity.tokenRequests() - before).isEqualTo(2);
    }

    @Test
    void aWrongSecretOrNoSecretIsAClearError() {
        ServiceTokens wrong = new ServiceTokens(identity.issuer(), Optional.empty(), TestIdentity.SERVICE_CLIENT,
                Optional.of("wrong"));
        assertThatThrownBy(wrong::token).hasMessageContaining("refused the client credentials");
        ServiceTokens none = new ServiceTokens(identity.issuer(), Optional.empty(), TestIdentity.SERVICE_CLIENT, Optional.empty());
        assertThatThrownBy(none::token).hasMessageContaining("emporium.auth.client-secret");
    }
}
