package org.emporium.orders;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.emporium.platform.outbox.Outbox;
import org.emporium.platform.outbox.OutboxEvent;
import org.emporium.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The rules every service keeps (the domain stays plain Java), and orders' own: persistence stays
 * SQL, so the saga ({@code saga}) is the one place that joins the two with messaging.
 */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("org.emporium.orders");
    }

    @Test
    void persistenceNeverReachesIntoMessaging() {
        noClasses().that().resideInAPackage("..orders.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..orders.messaging..", "..orders.saga..",
                        "..orders.api..", "org.apache.kafka..")
                .orShould().dependOnClassesThat().belongToAnyOf(Outbox.class, OutboxEvent.class)
                .check(mainClasses());
    }
}
