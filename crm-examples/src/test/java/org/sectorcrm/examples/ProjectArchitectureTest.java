package org.sectorcrm.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.sectorcrm.caffeine.CachingCrmStorage;
import org.sectorcrm.core.Crm;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Rules over every module at once (crm-examples sees them all): what is internal to crm-core stays there, and each
 * shipped jar names its Java module.
 */
class ProjectArchitectureTest {
    private static final JavaClasses ALL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sectorcrm");

    @Test
    void noModuleButCrmCoreUsesItsInternals() {
        noClasses().that().resideInAPackage("org.sectorcrm..").and().resideOutsideOfPackage("org.sectorcrm.core..")
                .should().dependOnClassesThat().resideInAPackage("org.sectorcrm.core.internal..")
                .because("crm-core's ..internal is no API: other modules use the SPI's public types (ForwardingStorageTransaction, ...)")
                .check(ALL);
    }

    @Test
    void noModuleUsesAnotherModulesInternals() {
        noClasses().that().resideInAPackage("org.sectorcrm.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sectorcrm.json.internal..", "org.sectorcrm.jdbc.internal..",
                        "org.sectorcrm.caffeine.internal..", "org.sectorcrm.tck.internal..")
                .check(ALL);
    }

    @Test
    void everyShippedJarNamesItsJavaModule() throws IOException {
        for (Class<?> c : new Class<?>[] {Crm.class, CrmJson.class, JdbcCrmStorage.class, CachingCrmStorage.class, CrmStorageCompatibilityKit.class}) {
            URL location = c.getProtectionDomain().getCodeSource().getLocation();
            if (!location.getPath().endsWith(".jar")) {
                continue; // a module's classes directory (an IDE run): no manifest to check
            }
            try (JarFile jar = new JarFile(location.getPath())) {
                Manifest manifest = jar.getManifest();
                String name = manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
                assertThat(name).as("Automatic-Module-Name of %s", location).isNotNull().matches("org\\.sectorcrm(\\.[a-z]+)+")
                        .isEqualTo(c.getPackageName().replaceAll("^(org\\.sectorcrm\\.[a-z]+).*", "$1"));
            }
        }
    }
}
