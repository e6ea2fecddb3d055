package org.emporium.inventory.domain;

import java.util.regex.Pattern;

/** What a SKU looks like: the catalog's rule, so a malformed one is refused before any query. */
public final class Skus {

    public static final String RULE = "3-32 upper-case letters, digits or dashes";
    // the catalog owns the SKU format (contracts/openapi/catalog.yaml, ProductRequest.sku): same pattern
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

    private Skus() {
    }

    public static boolean valid(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }
}
