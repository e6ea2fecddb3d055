package org.emporium.recommendations.domain;

/** A product's catalog data, as far as a recommendation shows it. The price amount is decimal text. */
public record Product(String sku, String name, String brand, String category, String amount, String currency,
                      String imageUrl) {
}
