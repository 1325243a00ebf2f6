package org.sectorcrm.core.employer;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Employer}. */
public record EmployerId(UUID value) implements Id {
    public EmployerId {
        if (value == null) {
            throw ValidationException.of("employer", "id", "is required");
        }
    }

    public static EmployerId of(String text) {
        return new EmployerId(org.sectorcrm.core.internal.Uuids.parse("employer", text));
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
