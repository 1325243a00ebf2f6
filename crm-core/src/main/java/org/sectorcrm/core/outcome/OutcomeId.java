package org.sectorcrm.core.outcome;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link OutcomeMeasure}. */
public record OutcomeId(UUID value) implements Id {
    public OutcomeId {
        if (value == null) {
            throw ValidationException.of("outcome", "id", "is required");
        }
    }

    public static OutcomeId of(String text) {
        return new OutcomeId(org.sectorcrm.core.internal.Uuids.parse("outcome", text));
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
