package org.emporium.storefront.behaviour;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The shopper id: a random, unguessable token naming one browser (or one app install) until
 * identity lands. 16 random bytes, URL-safe Base64 without padding: 22 characters. What may come
 * back from a cookie or a header is checked against the events' contract before it is used.
 */
public final class ShopperIds {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ShopperIds() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
