package org.emporium.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.emporium.identity.RunningIdentityServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyCipherTest {

    private static final byte[] PKCS8 = "stands in for a PKCS#8 private key".getBytes();

    @Test
    void whatItEncryptsOpensWithTheSameKeyAndKid() {
        SigningKeyCipher cipher = SigningKeyCipher.fromSetting(newKey());

        byte[] sealed = cipher.encrypt("kid-1", PKCS8);

        assertThat(sealed).hasSize(12 + PKCS8.length + 16);
        assertThat(new String(sealed)).doesNotContain(new String(PKCS8));
        assertThat(cipher.decrypt("kid-1", sealed)).isEqualTo(PKCS8);
    }

    @Test
    void everyEncryptionHasItsOwnNonce() {
        SigningKeyCipher cipher = SigningKeyCipher.fromSetting(newKey());

        assertThat(cipher.encrypt("kid-1", PKCS8)).isNotEqualTo(cipher.encrypt("kid-1", PKCS8));
    }

    @Test
    void anotherKeyEncryptionKeyDoesNotOpenItAndSaysWhichSettingToCheck() {
        byte[] sealed = SigningKeyCipher.fromSetting(newKey()).encrypt("kid-1", PKCS8);

        assertThatThrownBy(() -> SigningKeyCipher.fromSetting(newKey()).decrypt("kid-1", sealed))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessage("cannot decrypt signing key kid-1: wrong EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY?");
    }

    @Test
    void aKeyMovedToAnotherRowDoesNotOpen() {
        SigningKeyCipher cipher = SigningKeyCipher.fromSetting(newKey());
        byte[] sealed = cipher.encrypt("kid-1", PKCS8);

        assertThatThrownBy(() -> cipher.decrypt("kid-2", sealed)).isInstanceOf(KeyEncryptionException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aMissingSettingIsNamed(String value) {
        assertThatThrownBy(() -> SigningKeyCipher.fromSetting(value))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessageStartingWith("cannot start: the setting EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY is not set");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 31, 33, 64})
    void aKeyOfAnotherSizeIsRefusedWithoutShowingIt(int bytes) {
        String value = RunningIdentityServer.randomBase64(bytes);

        assertThatThrownBy(() -> SigningKeyCipher.fromSetting(value))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessageContaining("EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY holds " + bytes + " bytes")
                .hasMessageContaining("Base64 of 32 random bytes")
                .message().doesNotContain(value);
    }

    @Test
    void textThatIsNotBase64IsRefusedWithoutShowingIt() {
        String value = "this is not base64 at all, it is a passphrase!";

        assertThatThrownBy(() -> SigningKeyCipher.fromSetting(value))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessageContaining("EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY is not Base64")
                .message().doesNotContain(value);
    }

    @Test
    void theLauncherAndOpensslFormatIsTaken() {
        // standard alphabet with padding, maybe a trailing newline from a secret file
        assertThat(SigningKeyCipher.fromSetting(newKey() + "\n")).isNotNull();
    }

    private static String newKey() {
        return RunningIdentityServer.randomBase64(32);
    }
}
