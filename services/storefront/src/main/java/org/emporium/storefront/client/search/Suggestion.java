package org.emporium.storefront.client.search;

/**
 * A completion for what the shopper is typing.
 *
 * @param kind {@code product} (then {@code sku} is set) or {@code brand}
 */
public record Suggestion(String text, String kind, String sku) {
}
