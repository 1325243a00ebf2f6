package org.sectorcrm.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Names the record components that differ between two versions of a record (for audit entries and Changed events). */
public final class Diff {

    /**
     * The text of a field value in the audit trail: ids by their text, enums by name, collections element by element, everything
     * else by its {@code toString} (value objects print their canonical form: FEIN {@code 36-1234567}, phone
     * {@code (312) 555-0142}).
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.sectorcrm.core.Id id) {
            return id.asString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.util.Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(v -> parts.add(text(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        return value.toString();
    }
    private static final Set<String> BOOKKEEPING = Set.of("id", "stamp");

    private Diff() {
    }

    public static List<String> changedFields(Record before, Record after) {
        List<String> names = new ArrayList<>();
        for (Object[] c : components(before, after)) {
            names.add((String) c[0]);
        }
        return names;
    }

    /** The differing components: name, value before, value after. */
    public static List<Object[]> components(Record before, Record after) {
        if (before == null || after == null || before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("can only compare two records of one type");
        }
        List<Object[]> changed = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(c.getName())) {
                continue;
            }
            try {
                Object was = c.getAccessor().invoke(before);
                Object now = c.getAccessor().invoke(after);
                if (!Objects.equals(was, now)) {
                    changed.add(new Object[] {c.getName(), was, now});
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + before.getClass().getSimpleName(), e);
            }
        }
        return changed;
    }
}
