package org.emporium.storefront.client.catalog;

import java.util.List;

/** One page of a product listing; {@code page} is zero-based, {@code total} counts all matches. */
public record ProductPage(List<Product> items, int page, int size, long total) {

    public ProductPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
