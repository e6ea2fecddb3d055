package org.emporium.storefront.web.account;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.emporium.storefront.web.session.ReturnPaths;
import org.emporium.storefront.web.session.SealedCookies;

/**
 * What a sign-in in progress must remember until the provider sends the browser back:
 * {@code emporium_login=<sealed state, nonce, PKCE verifier, return path, start time>; Path=/login;
 * Max-Age=600; HttpOnly; Secure; SameSite=Lax}. Lax is enough: the callback is a top-level GET
 * navigation. Sealed (AES-GCM) like the session, and refused after 10 minutes even if a browser
 * kept it longer.
 */
public record LoginCookie(String state, String nonce, String verifier, String returnPath, long startedAt) {

    public static final String NAME = "emporium_login";
    static final int MAX_AGE_SECONDS = (int) Duration.ofMinutes(10).toSeconds();

    public String seal(SealedCookies sealer) {
        String plain = String.join("\n", state, nonce, verifier, returnPath, Long.toString(startedAt));
        return sealer.seal(NAME, plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<LoginCookie> open(SealedCookies sealer, String value, Instant now) {
        return sealer.open(NAME, value).flatMap(raw -> {
            String[] parts = new String(raw, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            long started;
            try {
                started = Long.parseLong(parts[4]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (now.getEpochSecond() - started > MAX_AGE_SECONDS) {
                return Optional.empty();
            }
            return Optional.of(new LoginCookie(parts[0], parts[1], parts[2], ReturnPaths.safe(parts[3]), started));
        });
    }

    static NewCookie of(String value, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/login").maxAge(MAX_AGE_SECONDS).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/login").maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
