package org.emporium.storefront.client.catalog;

import java.util.List;

/** The catalog's answer to the categories request. */
public record CategoryList(List<Category> items) {

    public CategoryList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
