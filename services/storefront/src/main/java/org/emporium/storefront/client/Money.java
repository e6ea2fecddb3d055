package org.emporium.storefront.client;

/** A price as the catalog sends it: the amount is a decimal string so it never passes through a double. */
public record Money(String amount, String currency) {
}
