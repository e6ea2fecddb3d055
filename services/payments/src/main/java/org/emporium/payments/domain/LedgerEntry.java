package org.emporium.payments.domain;

import java.time.Instant;
import java.util.UUID;

/** One state change of a payment, as the ledger keeps it; {@code from} is null for the first. */
public record LedgerEntry(long id, UUID paymentId, PaymentStatus from, PaymentStatus to, Money amount, Instant at,
                          String detail) {
}
