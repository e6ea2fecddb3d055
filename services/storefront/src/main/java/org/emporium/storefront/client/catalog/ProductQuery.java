package org.emporium.storefront.client.catalog;

/**
 * What a listing asks the catalog for. A record so it can be a cache key as is; a null category
 * means all categories.
 *
 * @param sort one of the catalog's sort keys: {@code name}, {@code price}, {@code -price}, {@code newest}
 */
public record ProductQuery(String category, int page, int size, String sort) {
}
