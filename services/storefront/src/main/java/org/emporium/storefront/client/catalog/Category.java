package org.emporium.storefront.client.catalog;

/** A catalog category; the slug is its stable id and appears in storefront URLs. */
public record Category(String slug, String name, String description, long productCount) {
}
