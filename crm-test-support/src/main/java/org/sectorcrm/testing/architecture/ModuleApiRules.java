package org.sectorcrm.testing.architecture;

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
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules every module of the library keeps about {@code ..internal} packages, in one place so that each module's
 * ArchitectureTest states them in a line each instead of a copy: it uses no other module's internals, and its own
 * public API hands out no internal type, neither in a signature (generic arguments included), nor in a field, nor as
 * a supertype of a public class.
 */
public final class ModuleApiRules {
    private final String rootPackage;

    private ModuleApiRules(String rootPackage) {
        this.rootPackage = rootPackage;
    }

    /** The rules of the module whose classes live under {@code rootPackage} ({@code org.sectorcrm.jdbc}). */
    public static ModuleApiRules of(String rootPackage) {
        return new ModuleApiRules(rootPackage);
    }

    /** The module's main classes, which make its API. */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /** Its main and test classes: the tests are crm-core's users like any other. */
    public JavaClasses mainAndTestClasses() {
        return new ClassFileImporter().importPackages(rootPackage);
    }

    /** No class of the module uses crm-core's {@code ..internal}. Check it over {@link #mainAndTestClasses()}. */
    public ArchRule usesNoInternalsOfCrmCore() {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAPackage("org.sectorcrm.core.internal..")
                .because("crm-core's ..internal may change in any release; only crm-core itself uses it");
    }

    /** No class of the module uses another module's {@code ..internal}. Check it over {@link #mainAndTestClasses()}. */
    public ArchRule usesNoInternalsOfOtherModules() {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat(resideInAPackage("org.sectorcrm..internal..").and(resideOutsideOfPackage(rootPackage + "..")))
                .because("another module's ..internal (crm-json's document mapping, say) is not its API");
    }

    /** No public or protected method or constructor of a public API class names an internal type. Check it over {@link #mainClasses()}. */
    public static ArchRule publicApiDoesNotExposeInternalTypes() {
        // Protected members count: a subclass outside the module sees them.
        return codeUnits().that(modifier(JavaModifier.PUBLIC).or(modifier(JavaModifier.PROTECTED)))
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
                });
    }

    /** No public field of a public API class is of an internal type. Check it over {@link #mainClasses()}. */
    public static ArchRule publicFieldsAreNotOfInternalTypes() {
        return fields().that().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
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
                });
    }

    /** No public API class extends or implements an internal type. Check it over {@link #mainClasses()}. */
    public static ArchRule publicTypesDoNotExtendInternalTypes() {
        return classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
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
                });
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }
}
