package org.emporium.storefront.client;

import java.util.regex.Pattern;

/**
 * The catalog's SKU format, checked before anything is looked up or generated. The catalog owns it
 * (contracts/openapi/catalog.yaml, {@code ProductRequest.sku}): whatever the catalog accepts on
 * create, the shop shows and sells, such as the seed's {@code AUD-000123} or an admin's {@code DEMO-1}.
 */
public final class Sku {

    public static final String RULE = "3-32 upper-case letters, digits or dashes, e.g. AUD-000123 or DEMO-1";
    // the contract's pattern, word for word: change it only together with the catalog's
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

    private Sku() {
    }

    public static boolean isValid(String sku) {
        return sku != null && FORMAT.matcher(sku).matches();
    }
}
