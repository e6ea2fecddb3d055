package org.emporium.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering rules every service with a domain model keeps: its {@code domain} package is
 * plain Java, so the rules of the business can be read and tested without Quarkus, a database or
 * Kafka; and its {@code api} package (the HTTP edge) is used by no other layer. A service's test is a subclass that names its base package:
 * <pre>class ArchitectureTest extends ServiceArchitecture {
 *     ArchitectureTest() { super("org.emporium.cart"); }
 * }</pre>
 * Each rule fails when the package it constrains has no classes (ArchUnit's default), so a moved
 * or renamed package cannot make it pass vacuously.
 */
public abstract class ServiceArchitecture {

    private final String base;
    private final JavaClasses classes;

    protected ServiceArchitecture(String basePackage) {
        this.base = basePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** The service's main classes (no tests), for a service's own further rules. */
    protected JavaClasses mainClasses() {
        return classes;
    }

    /**
     * The domain depends on the JDK and itself only: no framework (Jakarta, Quarkus), no persistence
     * (JDBC), no messaging (Kafka, Jackson), no platform code and no other layer of the service.
     */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", basePackage + ".domain..")
                .because("the domain is plain Java: no framework, persistence, messaging or other layer");
    }

    /** The HTTP edge is a leaf: persistence, messaging and the domain never call into it. */
    public static ArchRule apiIsUsedByNoOtherLayer(String basePackage) {
        return noClasses().that().resideOutsideOfPackage(basePackage + ".api..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".api..")
                .because("requests come in through the api layer; nothing reaches back into it");
    }

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        domainIsPlainJava(base).check(classes);
    }

    @Test
    void noOtherLayerDependsOnTheApi() {
        apiIsUsedByNoOtherLayer(base).check(classes);
    }
}
