package org.emporium.payments.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentStatus;

/**
 * Counters on /q/metrics: {@code emporium_payments_outcomes_total{outcome=…}} per state entered
 * (authorized, declined, failed, captured, voided, refunded) and
 * {@code emporium_payments_tokenizations_total{result=ok|invalid}}.
 */
@ApplicationScoped
public class PaymentMetrics {

    private final Map<PaymentStatus, Counter> outcomes = new EnumMap<>(PaymentStatus.class);
    private final Counter tokenized;
    private final Counter invalidCards;

    public PaymentMetrics(MeterRegistry registry) {
        for (PaymentStatus status : PaymentStatus.values()) {
            if (status != PaymentStatus.AUTHORIZING) {
                outcomes.put(status, Counter.builder("emporium.payments.outcomes")
                        .description("payments that entered a state, by state")
                        .tag("outcome", status.name().toLowerCase(Locale.ROOT)).register(registry));
            }
        }
        tokenized = Counter.builder("emporium.payments.tokenizations").tag("result", "ok")
                .description("card tokenizations, by result").register(registry);
        invalidCards = Counter.builder("emporium.payments.tokenizations").tag("result", "invalid")
                .description("card tokenizations, by result").register(registry);
    }

    public void entered(Payment payment) {
        Counter counter = outcomes.get(payment.status());
        if (counter != null) {
            counter.increment();
        }
    }

    public void tokenized(boolean valid) {
        (valid ? tokenized : invalidCards).increment();
    }
}
