package org.emporium.orders.saga;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.orders.domain.Checkout;
import org.emporium.orders.domain.Step;

/** The saga's settings: how long each step waits for its reply, how often it is tried, how long stock is held. */
@ApplicationScoped
public class SagaSettings {

    private final Duration reserve;
    private final Duration authorize;
    private final Duration commit;
    private final Duration capture;
    private final Duration reservationTtl;
    private final Checkout checkout;

    SagaSettings(@ConfigProperty(name = "emporium.orders.timeout.reserve") Duration reserve,
                 @ConfigProperty(name = "emporium.orders.timeout.authorize") Duration authorize,
                 @ConfigProperty(name = "emporium.orders.timeout.commit") Duration commit,
                 @ConfigProperty(name = "emporium.orders.timeout.capture") Duration capture,
                 @ConfigProperty(name = "emporium.orders.max-attempts") int maxAttempts,
                 @ConfigProperty(name = "emporium.orders.reservation-ttl") Duration reservationTtl) {
        this.reserve = reserve;
        this.authorize = authorize;
        this.commit = commit;
        this.capture = capture;
        this.reservationTtl = reservationTtl;
        this.checkout = new Checkout(maxAttempts);
    }

    public Checkout checkout() {
        return checkout;
    }

    /** How long {@code step} waits for its reply; null for the end states, which wait for nothing. */
    public Duration timeout(Step step) {
        return switch (step) {
            case RESERVING_STOCK -> reserve;
            case AUTHORIZING_PAYMENT -> authorize;
            case COMMITTING_STOCK -> commit;
            case CAPTURING_PAYMENT -> capture;
            case CONFIRMED, CANCELLED -> null;
        };
    }

    public long reservationTtlSeconds() {
        return reservationTtl.toSeconds();
    }
}
