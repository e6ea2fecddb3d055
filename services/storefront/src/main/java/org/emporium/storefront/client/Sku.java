package org.emporium.storefront.client;

import java.util.regex.Pattern;

/** The catalog's SKU format, e.g. {@code AUD-000123}: checked before anything is looked up or generated. */
public final class Sku {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-\\d{6}");

    private Sku() {
    }

    public static boolean isValid(String sku) {
        return sku != null && FORMAT.matcher(sku).matches();
    }
}
