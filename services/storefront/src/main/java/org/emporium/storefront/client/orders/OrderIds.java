package org.emporium.storefront.client.orders;

import java.util.regex.Pattern;

/** What an order id (a UUID) may look like before it goes into a URL; anything else is never sent on. */
public final class OrderIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OrderIds() {
    }

    /** Also the check for an Idempotency-Key and a cart id the orders service accepts (UUIDs). */
    public static boolean isValid(String id) {
        return id != null && UUID.matcher(id).matches();
    }
}
