package org.emporium.storefront;

import org.emporium.platform.testing.ResilienceAudit;

/** Every outgoing REST call has its timeouts, bounded retries with jitter, and its row in docs/architecture/resilience.md. */
class ResilienceAuditTest extends ResilienceAudit {

    ResilienceAuditTest() {
        super("storefront", "org.emporium.storefront");
    }
}
