package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * Every public record of the domain, built with nulls (and zeros) for all its components, either accepts them or
 * refuses with a {@link ValidationException} naming fields — never a NullPointerException or another crash.
 */
class NullInputTest {

    @Test
    void everyPublicRecordRefusesMissingInputWithAValidationException() throws Exception {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sectorcrm.core")) {
            Class<?> type = c.reflect();
            // FieldViolation is what a ValidationException is made of: it cannot report itself with one.
            if (type.isRecord() && Modifier.isPublic(type.getModifiers()) && !type.getPackageName().contains(".internal")
                    && type != FieldViolation.class) {
                records.add(type);
            }
        }
        assertThat(records).hasSizeGreaterThan(50);
        List<String> crashes = new ArrayList<>();
        for (Class<?> type : records) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = defaultOf(types[i]);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            try {
                canonical.newInstance(args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ValidationException v) {
                    assertThat(v.violations()).as(type.getName()).isNotEmpty();
                } else {
                    crashes.add(type.getName() + ": " + cause);
                }
            }
        }
        if (!crashes.isEmpty()) {
            fail("records that crash on missing input instead of naming the field:\n" + String.join("\n", crashes));
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0d;
        }
        throw new IllegalArgumentException("no default for " + type);
    }
}
