package org.sectorcrm.jdbc.architecture;

import org.junit.jupiter.api.Test;
import org.sectorcrm.testing.architecture.ModuleApiRules;

/**
 * crm-jdbc uses the API of crm-core (and of crm-json, which it stores documents with) only, and its own API hands out
 * no {@code ..internal} type: neither in a signature (generic arguments included), nor in a field, nor as a supertype
 * of a public class. The rules are the ones every module shares ({@link ModuleApiRules}).
 */
class ArchitectureTest {
    private static final ModuleApiRules RULES = ModuleApiRules.of("org.sectorcrm.jdbc");

    @Test
    void usesNoInternalsOfCrmCore() {
        RULES.usesNoInternalsOfCrmCore().check(RULES.mainAndTestClasses());
    }

    @Test
    void usesNoInternalsOfTheOtherModules() {
        RULES.usesNoInternalsOfOtherModules().check(RULES.mainAndTestClasses());
    }

    @Test
    void publicApiDoesNotExposeInternalTypes() {
        ModuleApiRules.publicApiDoesNotExposeInternalTypes().check(RULES.mainClasses());
    }

    @Test
    void publicFieldsAreNotOfInternalTypes() {
        ModuleApiRules.publicFieldsAreNotOfInternalTypes().check(RULES.mainClasses());
    }

    @Test
    void publicTypesDoNotExtendInternalTypes() {
        ModuleApiRules.publicTypesDoNotExtendInternalTypes().check(RULES.mainClasses());
    }
}
