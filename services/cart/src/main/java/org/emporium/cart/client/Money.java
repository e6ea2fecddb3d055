package org.emporium.cart.client;

import java.math.BigDecimal;

/** An amount in a currency, as the catalog sends it (the amount as a decimal string). */
public record Money(BigDecimal amount, String currency) {
}
