package org.emporium.catalog;

/** A category with the number of products in it. */
public record Category(String slug, String name, String description, long productCount) {
}
