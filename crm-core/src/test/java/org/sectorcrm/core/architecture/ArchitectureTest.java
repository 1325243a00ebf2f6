package org.sectorcrm.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sectorcrm.core");

    @Test
    void coreUsesNoInfrastructure() {
        noClasses().that().resideInAPackage("org.sectorcrm.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..",
                        "com.fasterxml.jackson..", "com.github.benmanes.caffeine..")
                .because("crm-core has no runtime dependencies and no storage technology")
                .check(CORE);
    }

    @Test
    void publicApiDoesNotExposeInternalTypes() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>("not expose ..internal types") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
                        var types = new java.util.ArrayList<com.tngtech.archunit.core.domain.JavaClass>();
                        types.add(method.getRawReturnType());
                        types.addAll(method.getRawParameterTypes());
                        for (var t : types) {
                            if (t.getPackageName().contains(".internal")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                        method.getFullName() + " exposes " + t.getName()));
                            }
                        }
                    }
                })
                .check(CORE);
    }

    /**
     * Every package under {@code org.sectorcrm.core} is domain unless it is one of the named infrastructure packages,
     * so a package added tomorrow is covered the day it appears (no list of domain packages to keep up to date).
     */
    @Test
    void domainPackagesDoNotDependOnTheApplicationOrStores() {
        noClasses().that().resideInAPackage("org.sectorcrm.core.(*)..")
                .and().resideOutsideOfPackages("org.sectorcrm.core.spi..", "org.sectorcrm.core.memory..", "org.sectorcrm.core.internal..",
                        "org.sectorcrm.core.type..", "org.sectorcrm.core.event..", "org.sectorcrm.core.search..", "org.sectorcrm.core.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sectorcrm.core.spi..", "org.sectorcrm.core.memory..",
                        "org.sectorcrm.core.type..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Operations")
                .because("the domain model knows nothing of storage, descriptors or the application around it")
                .check(CORE);
    }

    @Test
    void theDescriptorsAreTheOnlyListOfAggregateTypes() {
        noClasses().that().resideOutsideOfPackages("org.sectorcrm.core.type..")
                .should().callMethod(org.sectorcrm.core.type.AggregateType.class, "builder", String.class, Class.class, Class.class, Class.class)
                .because("an aggregate type is described once, in AggregateTypes")
                .check(CORE);
    }
}
