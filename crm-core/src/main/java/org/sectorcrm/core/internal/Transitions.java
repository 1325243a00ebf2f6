package org.sectorcrm.core.internal;

import java.util.Set;

import org.sectorcrm.core.ValidationException;

public final class Transitions {
    private Transitions() {
    }

    /** Refuses a lifecycle move that is not allowed, naming the record, the field and the allowed moves. */
    public static <S extends Enum<S>> void require(String record, String field, S from, S to, Set<S> allowed) {
        if (to == null) {
            throw ValidationException.of(record, field, "is required");
        }
        if (!allowed.contains(to)) {
            throw ValidationException.of(record, field, "cannot move from " + from + " to " + to
                    + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + allowed));
        }
    }
}
