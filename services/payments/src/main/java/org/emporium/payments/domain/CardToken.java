package org.emporium.payments.domain;

import java.time.YearMonth;

/** What tokenization gives back: the provider's token and what may be shown of the card. */
public record CardToken(String token, String last4, String brand, YearMonth expiry) {
}
