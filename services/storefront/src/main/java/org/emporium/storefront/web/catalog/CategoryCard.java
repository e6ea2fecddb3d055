package org.emporium.storefront.web.catalog;

import org.emporium.storefront.client.catalog.Category;

/** A category tile on the home page. */
public record CategoryCard(String name, String description, String countLabel, String href) {

    static CategoryCard of(Category c) {
        String count = c.productCount() == 1 ? "1 product" : String.format(java.util.Locale.US, "%,d products", c.productCount());
        return new CategoryCard(c.name(), c.description(), count, "/c/" + c.slug());
    }
}
