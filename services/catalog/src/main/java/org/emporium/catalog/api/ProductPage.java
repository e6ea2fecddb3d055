package org.emporium.catalog.api;

import java.util.List;
import org.emporium.catalog.Product;

/** One page of a product listing, with the total across all pages. */
public record ProductPage(List<Product> items, int page, int size, long total) {
}
