package org.sectorcrm.core.solution;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Solution}. */
public record SolutionId(UUID value) implements Id {
    public SolutionId {
        if (value == null) {
            throw ValidationException.of("solution", "id", "is required");
        }
    }

    public static SolutionId of(String text) {
        return new SolutionId(org.sectorcrm.core.internal.Uuids.parse("solution", text));
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
