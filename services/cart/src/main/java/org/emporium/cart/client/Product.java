package org.emporium.cart.client;

import java.util.List;
import java.util.Map;

/**
 * What the cart reads of a catalog product; the catalog's other fields are ignored. {@code options}:
 * what a shopper must choose when adding it (option name to allowed values, such as
 * {@code size: [S, M, L, XL]}); empty when none, or from a catalog that predates options.
 */
public record Product(String sku, String name, Money price, Map<String, List<String>> options) {

    public Product {
        options = options == null ? Map.of() : options;
    }
}
