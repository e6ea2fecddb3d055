package org.emporium.storefront.web.session;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals cookie values with AES-256-GCM (encrypted and authenticated): {@code base64url(iv || ciphertext
 * || tag)}, with the cookie's name as associated data, so one sealed cookie can't be passed off as
 * another. The key is {@code emporium.storefront.session-key} (base64 of 32 bytes); without one, a
 * key is generated for this process and sessions end when it stops.
 */
@ApplicationScoped
@Startup // the key is read (or generated, with its warning) at start, not at the first sign-in
public class SealedCookies {

    private static final Logger LOG = Logger.getLogger(SealedCookies.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SealedCookies(@ConfigProperty(name = "emporium.storefront.session-key") Optional<String> configured) {
        this.key = new SecretKeySpec(keyBytes(configured), "AES");
    }

    private byte[] keyBytes(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configured.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("emporium.storefront.session-key (EMPORIUM_STOREFRONT_SESSION_KEY) is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("emporium.storefront.session-key (EMPORIUM_STOREFRONT_SESSION_KEY) must be 32 bytes, base64");
            }
            return bytes;
        }
        LOG.warn("No EMPORIUM_STOREFRONT_SESSION_KEY: generated a session key for this process; "
                + "sign-ins end when the storefront restarts, and instances can't share sessions");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String cookieName, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain value, or empty when the value is missing, malformed, tampered with or sealed with another key. */
    public Optional<byte[]> open(String cookieName, String value) {
        if (value == null || value.isEmpty() || value.length() > 8192) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length < IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
