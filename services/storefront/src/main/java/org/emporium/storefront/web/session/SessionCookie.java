package org.emporium.storefront.web.session;

import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * The signed-in shopper's session: {@code emporium_session=<sealed AccountSession>; Path=/; HttpOnly;
 * Secure; SameSite=Lax}, a browser-session cookie (no Max-Age: the refresh token's 8 hours bound it
 * anyway). Sealed by {@link SealedCookies} (AES-GCM), so it can be neither read nor altered; a value
 * that doesn't open is treated as signed out and cleared. Kept under 4 KB: when it would be bigger,
 * the ID token (only needed for the end-session request) is left out.
 */
final class SessionCookie {

    static final String NAME = "emporium_session";
    /** Browsers keep at least 4096 bytes per cookie, name and attributes included. */
    static final int MAX_VALUE_LENGTH = 3800;

    private SessionCookie() {
    }

    static String seal(SealedCookies sealer, AccountSession session) {
        String value = sealer.seal(NAME, session.toBytes());
        if (value.length() > MAX_VALUE_LENGTH && session.idToken() != null) {
            value = sealer.seal(NAME, session.withoutIdToken().toBytes());
        }
        return value;
    }

    static Optional<AccountSession> open(SealedCookies sealer, String value) {
        return sealer.open(NAME, value).flatMap(AccountSession::fromBytes);
    }

    static NewCookie of(String value, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
