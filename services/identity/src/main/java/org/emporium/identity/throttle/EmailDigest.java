package org.emporium.identity.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The key the throttles count an email under: the SHA-256 of the email stripped and lower-cased (case
 * does not matter). Bounded in size whatever is posted, and a password typed into the email field is not
 * kept legibly.
 */
final class EmailDigest {

    private EmailDigest() {
    }

    static byte[] of(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
