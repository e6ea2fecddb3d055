package org.emporium.storefront.web.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed-in shopper, as kept (sealed) in the {@code emporium_session} cookie: the account id, email
 * and name from the ID token, the access and refresh tokens, when the access token expires, the ID
 * token (for the end-session request; left out when the cookie would grow too big) and a random
 * value the sign-out form's CSRF token is made from. {@code toString()} never shows a token.
 */
public record AccountSession(String accountId, String email, String name, String accessToken, String refreshToken,
                             long accessExpiresAt, String idToken, String csrf) {

    private static final int VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String newCsrf() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the access token has expired or will within {@code marginSeconds}. */
    boolean expiresWithin(Instant now, long marginSeconds) {
        return accessExpiresAt - now.getEpochSecond() <= marginSeconds;
    }

    AccountSession withTokens(String access, String refresh, long expiresAt, String newIdToken) {
        return new AccountSession(accountId, email, name, access, refresh == null ? refreshToken : refresh, expiresAt,
                newIdToken == null ? idToken : newIdToken, csrf);
    }

    AccountSession withoutIdToken() {
        return new AccountSession(accountId, email, name, accessToken, refreshToken, accessExpiresAt, null, csrf);
    }

    /** The Authorization header value for calls made for this shopper. */
    public String bearer() {
        return "Bearer " + accessToken;
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(accountId);
            out.writeUTF(nullToEmpty(email));
            out.writeUTF(nullToEmpty(name));
            out.writeUTF(accessToken);
            out.writeUTF(nullToEmpty(refreshToken));
            out.writeLong(accessExpiresAt);
            out.writeUTF(nullToEmpty(idToken));
            out.writeUTF(csrf);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<AccountSession> fromBytes(byte[] raw) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            AccountSession session = new AccountSession(in.readUTF(), emptyToNull(in.readUTF()), emptyToNull(in.readUTF()),
                    in.readUTF(), emptyToNull(in.readUTF()), in.readLong(), emptyToNull(in.readUTF()), in.readUTF());
            if (session.accountId().isEmpty() || session.accessToken().isEmpty() || session.csrf().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(session);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "AccountSession[accountId=" + accountId + ", expiresAt=" + accessExpiresAt + "]";
    }
}
