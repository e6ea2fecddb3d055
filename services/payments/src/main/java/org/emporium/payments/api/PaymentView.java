package org.emporium.payments.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.emporium.payments.domain.LedgerEntry;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentStatus;

/** A payment as the admin sees it, with its ledger; never the card's token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(UUID id, UUID orderId, PaymentStatus status, Amount amount, String last4, String brand,
                          String authorizationCode, String failureCode, String failureReason, Instant voidRequestedAt,
                          Instant createdAt, Instant updatedAt, List<Entry> ledger) {

    public record Amount(String amount, String currency) {
        static Amount of(Money m) {
            return new Amount(m.text(), m.currency());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(PaymentStatus from, PaymentStatus to, Amount amount, Instant at, String detail) {
    }

    static PaymentView of(Payment p, List<LedgerEntry> ledger) {
        return new PaymentView(p.id(), p.orderId(), p.status(), Amount.of(p.amount()), p.last4(), p.brand(),
                p.authorizationCode(), p.failureCode(), p.failureReason(), p.voidRequestedAt(), p.createdAt(),
                p.updatedAt(), ledger.stream().map(e -> new Entry(e.from(), e.to(), Amount.of(e.amount()), e.at(),
                e.detail())).toList());
    }
}
