package org.sectorcrm.core.reference;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Partner}. */
public record PartnerId(UUID value) implements Id {
    public PartnerId {
        if (value == null) {
            throw ValidationException.of("partner", "id", "is required");
        }
    }

    public static PartnerId of(String text) {
        return new PartnerId(org.sectorcrm.core.internal.Uuids.parse("partner", text));
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
