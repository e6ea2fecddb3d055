package org.emporium.storefront.client.cart;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a cart id may look like before it goes into a URL: the cart service's ids are unguessable
 * tokens (UUIDs); anything else in the cookie is ignored, never sent on.
 */
public final class CartIds {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private CartIds() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /**
     * The id when it is a UUID (what the cart service hands out), else null: where a cart id is
     * passed on to a contract that says UUID (recommendations' {@code cart}, the events' {@code cartId}).
     */
    public static String uuidOrNull(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
