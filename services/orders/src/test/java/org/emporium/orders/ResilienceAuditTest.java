package org.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.emporium.platform.testing.ResilienceAudit;
import org.junit.jupiter.api.Test;

/** Every outgoing REST call has its timeouts, bounded retries with jitter, and its row in docs/architecture/resilience.md. */
class ResilienceAuditTest extends ResilienceAudit {

    ResilienceAuditTest() {
        super("orders", "org.emporium.orders");
    }

    /** The audit finds the calls to every service orders calls: a client it missed would go unaudited. */
    @Test
    void theAuditFindsEveryClientOfThisService() {
        assertThat(calls()).extracting(Call::callee).containsOnly("cart", "payments");
    }
}
