package org.emporium.storefront.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.emporium.storefront.web.account.LoginCookie;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SealedCookies sealer = new SealedCookies(Optional.of(KEY));

    private static AccountSession session(String idToken) {
        return new AccountSession("2b9f0c52-2f4e-4a53-9d35-0d1c8b7f6a10", "ada@example.com", "Ada Lovelace",
                "a".repeat(900), "r".repeat(128), 1_900_000_000L, idToken, AccountSession.newCsrf());
    }

    @Test
    void aSealedSessionOpensToTheSameValues() {
        AccountSession original = session("i".repeat(900));
        String value = SessionCookie.seal(sealer, original);

        assertThat(value).matches("[A-Za-z0-9_-]+");
        assertThat(SessionCookie.open(sealer, value)).contains(original);
        assertThat(value).doesNotContain("ada@example.com");
    }

    @Test
    void aChangedValueAnotherKeyOrAnotherCookieDoesNotOpen() {
        String value = SessionCookie.seal(sealer, session(null));
        char[] chars = value.toCharArray();
        chars[30] = chars[30] == 'A' ? 'B' : 'A';

        assertThat(SessionCookie.open(sealer, new String(chars))).isEmpty();
        assertThat(SessionCookie.open(sealer, value.substring(0, value.length() - 2))).isEmpty();
        assertThat(SessionCookie.open(sealer, "not base64 !")).isEmpty();
        assertThat(SessionCookie.open(sealer, "")).isEmpty();
        assertThat(SessionCookie.open(new SealedCookies(Optional.empty()), value)).isEmpty();
        // the same key, sealed for the login cookie: not a session
        String login = sealer.seal(LoginCookie.NAME, session(null).toBytes());
        assertThat(SessionCookie.open(sealer, login)).isEmpty();
    }

    @Test
    void aTooBigSessionLeavesTheIdTokenOut() {
        AccountSession big = session("i".repeat(3000));
        String value = SessionCookie.seal(sealer, big);

        assertThat(value.length()).isLessThanOrEqualTo(SessionCookie.MAX_VALUE_LENGTH);
        assertThat(SessionCookie.open(sealer, value).orElseThrow().idToken()).isNull();
    }

    @Test
    void expiryIsCheckedWithAMargin() {
        AccountSession s = session(null);
        assertThat(s.expiresWithin(Instant.ofEpochSecond(1_900_000_000L - 31), 30)).isFalse();
        assertThat(s.expiresWithin(Instant.ofEpochSecond(1_900_000_000L - 30), 30)).isTrue();
        assertThat(s.toString()).doesNotContain("aaaa").doesNotContain("rrrr");
    }

    @Test
    void anOldLoginCookieIsRefused() {
        LoginCookie login = new LoginCookie("st", "no", "ver", "/cart", Instant.now().getEpochSecond());
        String value = login.seal(sealer);
        assertThat(LoginCookie.open(sealer, value, Instant.now())).contains(login);
        assertThat(LoginCookie.open(sealer, value, Instant.now().plusSeconds(601))).isEmpty();
        assertThat(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.ISO_8859_1)).doesNotContain("/cart");
    }
}
