package org.emporium.orders;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.emporium.platform.outbox.Outbox;
import org.emporium.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

/**
 * The domain stays plain Java, and persistence stays SQL: the saga ({@code saga}) is the one place
 * that joins the two with messaging.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.emporium.orders");

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        noClasses().that().resideInAPackage("..orders.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..orders.api..", "..orders.persistence..",
                        "..orders.messaging..", "..orders.saga..", "..orders.client..", "jakarta..", "io.quarkus..",
                        "org.eclipse.microprofile..", "org.apache.kafka..", "com.fasterxml..", "java.sql..",
                        "javax.sql..", "org.emporium.platform..")
                .check(classes);
    }

    @Test
    void persistenceNeverReachesIntoMessaging() {
        noClasses().that().resideInAPackage("..orders.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..orders.messaging..", "..orders.saga..",
                        "..orders.api..", "org.apache.kafka..")
                .orShould().dependOnClassesThat().belongToAnyOf(Outbox.class, OutboxEvent.class)
                .check(classes);
    }
}
