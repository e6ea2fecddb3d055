package org.emporium.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java: it must not reach into another layer or a framework. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.emporium.payments");

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        noClasses().that().resideInAPackage("..payments.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..payments.api..", "..payments.persistence..",
                        "..payments.messaging..", "..payments.events..", "..payments.processing..",
                        "..payments.provider..", "jakarta..", "io.quarkus..", "org.apache.kafka..", "com.fasterxml..",
                        "java.sql..", "javax.sql..", "org.emporium.platform..")
                .check(classes);
    }
}
