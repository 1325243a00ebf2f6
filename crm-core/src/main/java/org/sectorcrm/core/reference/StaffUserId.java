package org.sectorcrm.core.reference;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link StaffUser}. */
public record StaffUserId(UUID value) implements Id {
    public StaffUserId {
        if (value == null) {
            throw ValidationException.of("staffUser", "id", "is required");
        }
    }

    public static StaffUserId of(String text) {
        return new StaffUserId(org.sectorcrm.core.internal.Uuids.parse("staffUser", text));
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
