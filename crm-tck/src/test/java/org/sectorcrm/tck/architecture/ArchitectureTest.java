package org.sectorcrm.tck.architecture;

import org.junit.jupiter.api.Test;
import org.sectorcrm.testing.architecture.ModuleApiRules;

/**
 * The kit uses crm-core's API only, as a vendor's store does: a kit that reached into crm-core's {@code ..internal}
 * could pass over the in-memory reference for reasons a vendor's store cannot share. The rules are the ones every
 * module shares ({@link ModuleApiRules}).
 *
 * <p>Not the rule on methods: the model-based properties' {@code @Property} and {@code @Provide} methods are public
 * (vendors' subclasses live in other packages) and take the kit's own internal {@code Program} and
 * {@code MergeCheck.Scenario}, which vendors see only printed in a failure report and never build.
 */
class ArchitectureTest {
    private static final ModuleApiRules RULES = ModuleApiRules.of("org.sectorcrm.tck");

    @Test
    void usesNoInternalsOfCrmCore() {
        RULES.usesNoInternalsOfCrmCore().check(RULES.mainAndTestClasses());
    }

    @Test
    void usesNoInternalsOfOtherModules() {
        RULES.usesNoInternalsOfOtherModules().check(RULES.mainAndTestClasses());
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
