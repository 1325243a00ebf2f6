package org.sectorcrm.jdbc.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.Test;

/**
 * crm-jdbc uses the API of crm-core (and of crm-json, which it stores documents with) only, and its own API hands out no {@code ..internal} type: neither in a signature
 * (generic arguments included), nor in a field, nor as a supertype of a public class.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sectorcrm.jdbc");
    /** The tests too: they are crm-core's users like any other. */
    private static final JavaClasses MAIN_AND_TESTS = new ClassFileImporter().importPackages("org.sectorcrm.jdbc");

    @Test
    void usesNoInternalsOfCrmCore() {
        noClasses().that().resideInAPackage("org.sectorcrm.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("org.sectorcrm.core.internal..")
                .because("crm-core's ..internal may change in any release; only crm-core itself uses it")
                .check(MAIN_AND_TESTS);
    }

    @Test
    void usesNoInternalsOfTheOtherModules() {
        noClasses().that().resideInAPackage("org.sectorcrm.jdbc..")
                .should().dependOnClassesThat(resideInAPackage("org.sectorcrm..internal..").and(resideOutsideOfPackage("org.sectorcrm.jdbc..")))
                .because("another module's ..internal (crm-json's document mapping, say) is not its API")
                .check(MAIN_AND_TESTS);
    }

    @Test
    void publicApiDoesNotExposeInternalTypes() {
        // Protected members count: a subclass outside the module sees them.
        codeUnits().that(modifier(JavaModifier.PUBLIC).or(modifier(JavaModifier.PROTECTED)))
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("not expose ..internal types") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                        types.add(unit.getReturnType());
                        types.addAll(unit.getExceptionTypes());
                        for (JavaType type : types) {
                            for (JavaClass t : type.getAllInvolvedRawTypes()) {
                                if (isInternal(t)) {
                                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
                                }
                            }
                        }
                    }
                })
                .check(MAIN);
    }

    @Test
    void publicFieldsAreNotOfInternalTypes() {
        fields().that().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().arePublic().and().arePublic()
                .should(new ArchCondition<JavaField>("not be of an ..internal type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        for (JavaClass t : field.getType().getAllInvolvedRawTypes()) {
                            if (isInternal(t)) {
                                events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is of " + t.getName()));
                            }
                        }
                    }
                })
                .check(MAIN);
    }

    @Test
    void publicTypesDoNotExtendInternalTypes() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(new ArchCondition<JavaClass>("not extend or implement an ..internal type") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        // Every supertype up the hierarchy, and the type arguments of the direct ones (List<Internal>).
                        List<JavaClass> supertypes = new ArrayList<>(c.getAllRawSuperclasses());
                        supertypes.addAll(c.getAllRawInterfaces());
                        c.getSuperclass().ifPresent(t -> supertypes.addAll(t.getAllInvolvedRawTypes()));
                        c.getInterfaces().forEach(t -> supertypes.addAll(t.getAllInvolvedRawTypes()));
                        for (JavaClass t : supertypes) {
                            if (isInternal(t)) {
                                events.add(SimpleConditionEvent.violated(c, c.getName() + " extends or implements " + t.getName()));
                            }
                        }
                    }
                })
                .check(MAIN);
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }
}
