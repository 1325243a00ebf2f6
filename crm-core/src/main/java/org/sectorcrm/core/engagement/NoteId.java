package org.sectorcrm.core.engagement;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Note}. */
public record NoteId(UUID value) implements Id {
    public NoteId {
        if (value == null) {
            throw ValidationException.of("note", "id", "is required");
        }
    }

    public static NoteId of(String text) {
        return new NoteId(org.sectorcrm.core.internal.Uuids.parse("note", text));
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
