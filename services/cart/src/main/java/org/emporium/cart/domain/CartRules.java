package org.emporium.cart.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a cart accepts: SKUs in the catalog's and inventory's form, 1-99 units per line, 50 lines. */
public final class CartRules {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 50;
    public static final String SKU_RULE = "3-32 upper-case letters, digits or dashes";
    // the catalog owns the SKU format (contracts/openapi/catalog.yaml, ProductRequest.sku): same pattern
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CartRules() {
    }

    public static boolean validSku(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }

    public static boolean validQuantity(int quantity) {
        return quantity >= MIN_QUANTITY && quantity <= MAX_QUANTITY;
    }

    /** A cart id in its canonical form (UUID.fromString alone accepts shortened forms). */
    public static Optional<UUID> cartId(String text) {
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * The quantity of a line after merging {@code added} units into a line of {@code existing}:
     * summed, but at most {@link #MAX_QUANTITY} and, when {@code available} is known (not
     * negative), at most what is available, yet never less than the line already holds. A merge
     * at sign-in takes what fits instead of failing.
     */
    public static int mergedQuantity(int existing, int added, int available) {
        int merged = Math.min(MAX_QUANTITY, existing + added);
        if (available >= 0 && merged > available) {
            merged = Math.max(existing, available);
        }
        return merged;
    }
}
