package org.sectorcrm.json.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.Test;

/** crm-json uses crm-core's API only, and its own API hands out no {@code ..internal} type. */
class ArchitectureTest {
    private static final JavaClasses JSON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sectorcrm.json");

    @Test
    void usesNoInternalsOfCrmCore() {
        noClasses().that().resideInAPackage("org.sectorcrm.json..")
                .should().dependOnClassesThat().resideInAPackage("org.sectorcrm.core.internal..")
                .because("crm-core's ..internal may change in any release; only crm-core itself uses it")
                .check(JSON);
    }

    @Test
    void publicApiDoesNotExposeInternalTypes() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("not expose ..internal types") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                        types.add(unit.getRawReturnType());
                        for (JavaClass t : types) {
                            if (t.getPackageName().contains(".internal")) {
                                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
                            }
                        }
                    }
                })
                .check(JSON);
    }
}
