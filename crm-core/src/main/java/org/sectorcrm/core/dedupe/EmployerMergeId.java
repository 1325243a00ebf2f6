package org.sectorcrm.core.dedupe;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.EmployerId;

/**
 * Identifies an {@link EmployerMerge}: the UUID of the merged employer, so the tombstone of an old employer id is one read
 * by id ({@link #of(EmployerId)}).
 */
public record EmployerMergeId(UUID value) implements Id {
    public EmployerMergeId {
        if (value == null) {
            throw ValidationException.of("employerMerge", "id", "is required");
        }
    }

    public static EmployerMergeId of(String text) {
        return new EmployerMergeId(org.sectorcrm.core.internal.Uuids.parse("employerMerge", text));
    }

    /** The id of the merge record of {@code merged}. */
    public static EmployerMergeId of(EmployerId merged) {
        return new EmployerMergeId(merged.value());
    }

    /** The merged employer's id. */
    public EmployerId merged() {
        return new EmployerId(value);
    }

    @Override
    public String asString() {
        return value.toString();
    }

    @Override
    public String toString() {
        return asString();
    }
}
