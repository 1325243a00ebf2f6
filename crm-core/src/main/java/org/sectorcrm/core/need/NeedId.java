package org.sectorcrm.core.need;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link BusinessNeed}. */
public record NeedId(UUID value) implements Id {
    public NeedId {
        if (value == null) {
            throw ValidationException.of("need", "id", "is required");
        }
    }

    public static NeedId of(String text) {
        return new NeedId(org.sectorcrm.core.internal.Uuids.parse("need", text));
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
