package org.sectorcrm.core.partnership;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link SectorPartnership}. */
public record PartnershipId(UUID value) implements Id {
    public PartnershipId {
        if (value == null) {
            throw ValidationException.of("partnership", "id", "is required");
        }
    }

    public static PartnershipId of(String text) {
        return new PartnershipId(org.sectorcrm.core.internal.Uuids.parse("partnership", text));
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
