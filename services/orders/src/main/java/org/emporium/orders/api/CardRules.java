package org.emporium.orders.api;

import java.time.Clock;
import java.time.YearMonth;
import org.emporium.platform.defaults.ProblemException;

/** What bean validation cannot say about a card: its digit count and whether it has expired. */
final class CardRules {

    private CardRules() {
    }

    static void check(PlaceOrderRequest.Payment payment, Clock clock) {
        int digits = payment.digits().length();
        if (digits < 12 || digits > 19) {
            throw ProblemException.invalid("payment.cardNumber", "must be 12 to 19 digits");
        }
        String[] monthYear = payment.expiry().split("/");
        YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(monthYear[1]), Integer.parseInt(monthYear[0]));
        if (expiry.isBefore(YearMonth.now(clock))) {
            throw ProblemException.invalid("payment.expiry", "has passed");
        }
    }
}
