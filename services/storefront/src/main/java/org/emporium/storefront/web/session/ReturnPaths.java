package org.emporium.storefront.web.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to go after signing in: only a path of this shop. A relative path starting with a single
 * {@code /} is accepted; anything else (an absolute URL, {@code //host}, {@code /\host}, control
 * characters, a very long value) falls back to the home page, so {@code /login?return=} can never
 * send a shopper to another site.
 */
public final class ReturnPaths {

    public static final String HOME = "/";
    private static final int MAX_LENGTH = 512;

    private ReturnPaths() {
    }

    /** The sign-in page that comes back to {@code returnPath} (made safe) afterwards. */
    public static String signInThenBackTo(String returnPath) {
        return "/login?return=" + URLEncoder.encode(safe(returnPath), StandardCharsets.UTF_8);
    }

    public static String safe(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH) {
            return HOME;
        }
        if (requested.charAt(0) != '/' || requested.startsWith("//") || requested.startsWith("/\\")) {
            return HOME;
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return HOME;
            }
        }
        // the sign-in pages themselves would loop
        if (requested.startsWith("/login") || requested.startsWith("/signup") || requested.startsWith("/logout")) {
            return HOME;
        }
        return requested;
    }
}
