package org.emporium.identity.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing keys' private halves for the database: AES-256-GCM (the JDK's) under the
 * key-encryption key from {@value #SETTING}, with a random 12-byte nonce per encryption and the kid as
 * associated data, so a ciphertext copied into another key's row does not open. Stored as nonce,
 * then ciphertext and tag ({@value #PROTECTION} in {@code private_key_protection}). Whoever reads the
 * database without that setting cannot sign tokens. The key is never logged or printed.
 */
public final class SigningKeyCipher {

    /**
     * The property of the key-encryption key. Not in IdentityProperties: a record prints every component
     * in its toString, and this one must never be printed.
     */
    public static final String PROPERTY = "emporium.identity.key-encryption-key";
    /** Its environment variable (application.yml), named in every message. */
    public static final String SETTING = "EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY";
    /** What {@code private_key_protection} says for a key this class encrypted (JOSE's name for it). */
    public static final String PROTECTION = "A256GCM";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SigningKeyCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher for the setting's value: standard Base64 of exactly 32 bytes (e.g. {@code openssl rand
     * -base64 32}). Anything else stops the start with a line naming the setting, never its value.
     */
    public static SigningKeyCipher fromSetting(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new KeyEncryptionException("cannot start: the setting " + SETTING
                    + " is not set; it must be the Base64 of 32 random bytes (openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyEncryptionException("cannot start: the setting " + SETTING
                    + " is not Base64; it must be the Base64 of 32 random bytes (openssl rand -base64 32)");
        }
        try {
            if (key.length != KEY_BYTES) {
                throw new KeyEncryptionException("cannot start: the setting " + SETTING + " holds " + key.length
                        + " bytes; it must be the Base64 of 32 random bytes (openssl rand -base64 32)");
            }
            return new SigningKeyCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** {@code privateKey} (PKCS#8) encrypted for the row of {@code kid}. */
    public byte[] encrypt(String kid, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kid, nonce).doFinal(privateKey);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    /** The PKCS#8 bytes of the row of {@code kid}; the caller clears them once read. */
    public byte[] decrypt(String kid, byte[] stored) {
        if (stored.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("stored signing key " + kid + " is too short to be encrypted");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, kid, Arrays.copyOf(stored, NONCE_BYTES))
                    .doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            // the tag does not match: another key-encryption key (or a row that was tampered with)
            throw new KeyEncryptionException("cannot decrypt signing key " + kid + ": wrong " + SETTING + "?");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + kid, e);
        }
    }

    /** A new Cipher every time: they are not thread-safe, and GCM must never reuse a nonce anyway. */
    private Cipher cipher(int mode, String kid, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
