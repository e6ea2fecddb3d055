package org.emporium.storefront.web;

import org.emporium.storefront.client.Category;

/** A category tile on the home page. */
public record CategoryCard(String name, String description, String countLabel, String href) {

    static CategoryCard of(Category c) {
        String count = c.productCount() == 1 ? "1 product" : String.format(java.util.Locale.US, "%,d products", c.productCount());
        return new CategoryCard(c.name(), c.description(), count, "/c/" + c.slug());
    }
}
