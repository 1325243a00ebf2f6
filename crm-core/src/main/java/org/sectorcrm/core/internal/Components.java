package org.sectorcrm.core.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A copy of a record with one component replaced, through its canonical constructor (so the record's own checks run).
 * Used to derive re-pointers from a descriptor's references ({@code employer} of a contact, of its filter) instead of a
 * hand-written setter per type.
 */
public final class Components {
    private Components() {
    }

    /** Whether {@code type} is a record with a component {@code name} that takes a {@code valueType}. */
    public static boolean has(Class<?> type, String name, Class<?> valueType) {
        if (!type.isRecord()) {
            return false;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name) && c.getType().isAssignableFrom(valueType)) {
                return true;
            }
        }
        return false;
    }

    /** {@code record} with its component {@code name} set to {@code value}. */
    @SuppressWarnings("unchecked")
    public static <R> R with(R record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(name)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getName() + " has no component " + name);
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getName() + " with another " + name, e);
        }
    }
}
