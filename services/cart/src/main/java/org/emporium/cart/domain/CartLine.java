package org.emporium.cart.domain;

import java.util.Map;

/**
 * One line: a SKU, the options chosen for it (such as {@code size: M}; empty when the product has
 * none) and how many units. A line is identified by its SKU and options together: the same SKU in
 * two sizes is two lines.
 */
public record CartLine(String sku, Map<String, String> options, int quantity) {

    public CartLine {
        options = LineOptions.canonical(options);
    }

    /** A line of a product without options. */
    public CartLine(String sku, int quantity) {
        this(sku, Map.of(), quantity);
    }

    /** Whether this is the line of {@code sku} with exactly these options. */
    public boolean is(String sku, Map<String, String> options) {
        return this.sku.equals(sku) && this.options.equals(LineOptions.canonical(options));
    }
}
