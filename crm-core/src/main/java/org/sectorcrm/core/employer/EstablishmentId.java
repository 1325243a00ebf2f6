package org.sectorcrm.core.employer;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Establishment}. */
public record EstablishmentId(UUID value) implements Id {
    public EstablishmentId {
        if (value == null) {
            throw ValidationException.of("establishment", "id", "is required");
        }
    }

    public static EstablishmentId of(String text) {
        return new EstablishmentId(org.sectorcrm.core.internal.Uuids.parse("establishment", text));
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
