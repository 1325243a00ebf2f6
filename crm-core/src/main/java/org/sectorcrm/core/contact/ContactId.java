package org.sectorcrm.core.contact;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Contact}. */
public record ContactId(UUID value) implements Id {
    public ContactId {
        if (value == null) {
            throw ValidationException.of("contact", "id", "is required");
        }
    }

    public static ContactId of(String text) {
        return new ContactId(org.sectorcrm.core.internal.Uuids.parse("contact", text));
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
