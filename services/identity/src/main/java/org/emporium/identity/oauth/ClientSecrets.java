package org.emporium.identity.oauth;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How the clients' secrets are stored: salted PBKDF2-HMAC-SHA256 with one iteration, under the id
 * {@value #ID} of identity's {@code DelegatingPasswordEncoder}. A slow hash (Argon2id, as for
 * passwords) protects what people choose, which can be guessed; these secrets are 256-bit random
 * strings from {@code .emporium/secrets/} that no search can reach, so a slow hash bought nothing
 * and cost an Argon2id check (7 MiB, tens of milliseconds of CPU) at every token request: half of
 * identity's work per sign-in (issue 18). A secret stored the old way is rehashed at the next start.
 */
final class ClientSecrets {

    static final String ID = "pbkdf2-client-secret";
    static final PasswordEncoder ENCODER = new Pbkdf2PasswordEncoder("", 16, 1,
            Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

    private ClientSecrets() {
    }

    /** The secret as stored: {@code {pbkdf2-client-secret}<salt and hash>}. */
    static String encode(String secret) {
        return "{" + ID + "}" + ENCODER.encode(secret);
    }

    /** Whether a stored secret is in this form (else it is rehashed). */
    static boolean isCurrent(String stored) {
        return stored != null && stored.startsWith("{" + ID + "}");
    }
}
