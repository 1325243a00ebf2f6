package org.sectorcrm.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Names the record components that differ between two versions of a record (for audit entries and Changed events). */
public final class Diff {
    private static final Set<String> BOOKKEEPING = Set.of("id", "stamp");

    private Diff() {
    }

    public static List<String> changedFields(Record before, Record after) {
        return changes(before, after).stream().map(org.sectorcrm.core.type.FieldChange::field).toList();
    }

    /** The differing components with their values before and after. */
    public static List<org.sectorcrm.core.type.FieldChange> changes(Record before, Record after) {
        if (before == null || after == null || before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("can only compare two records of one type");
        }
        List<org.sectorcrm.core.type.FieldChange> changed = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(c.getName())) {
                continue;
            }
            try {
                Object was = c.getAccessor().invoke(before);
                Object now = c.getAccessor().invoke(after);
                if (!Objects.equals(was, now)) {
                    changed.add(new org.sectorcrm.core.type.FieldChange(c.getName(), was, now));
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + before.getClass().getSimpleName(), e);
            }
        }
        return changed;
    }
}
