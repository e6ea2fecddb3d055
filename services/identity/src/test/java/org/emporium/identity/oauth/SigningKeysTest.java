package org.emporium.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.util.List;
import org.emporium.identity.oauth.SigningKeyStore.StoredKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static RSAKey older;
    private static RSAKey newer;

    @BeforeAll
    static void keys() throws Exception {
        older = new RSAKeyGenerator(2048).keyID("older").generate();
        newer = new RSAKeyGenerator(2048).keyID("newer").generate();
    }

    @Test
    void aNewKeySignsOnlyOnceEveryInstanceHasHadTimeToPublishIt() {
        List<StoredKey> keys = List.of(new StoredKey(newer, Duration.ofSeconds(1)), new StoredKey(older, Duration.ofDays(3)));

        assertThat(SigningKeys.signingKey(keys, Duration.ZERO)).isSameAs(older);
        assertThat(SigningKeys.signingKey(keys, Duration.ofSeconds(5))).isSameAs(older);
        assertThat(SigningKeys.signingKey(keys, SigningKeys.SWITCH_DELAY.minusSeconds(1))).isSameAs(newer);
    }

    @Test
    void withNoKeyOldEnoughTheOnePublishedLongestSigns() {
        // the first start, or two rotations within seconds
        assertThat(SigningKeys.signingKey(List.of(new StoredKey(older, Duration.ZERO)), Duration.ZERO)).isSameAs(older);
        assertThat(SigningKeys.signingKey(List.of(new StoredKey(newer, Duration.ofSeconds(1)),
                new StoredKey(older, Duration.ofSeconds(2))), Duration.ZERO)).isSameAs(older);
    }

    @Test
    void aRetiredKeyIsPublishedForTheLongestTokenLifetimeAndTheSwitchOverPlusAMinute() {
        // ID tokens (30 minutes) outlive the 5-minute access tokens
        assertThat(SigningKeys.publishedAfterRetirement(Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofMinutes(31).plus(SigningKeys.SWITCH_DELAY));
        assertThat(SigningKeys.publishedAfterRetirement(Duration.ofHours(1)))
                .isEqualTo(Duration.ofMinutes(61).plus(SigningKeys.SWITCH_DELAY));
    }
}
