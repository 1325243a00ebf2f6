package org.sectorcrm.core.internal;

import java.util.UUID;

import org.sectorcrm.core.ValidationException;

public final class Uuids {
    private Uuids() {
    }

    /** Parses a canonical UUID, naming the record whose id it is when the text is not one. */
    public static UUID parse(String record, String text) {
        if (text == null || !text.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ValidationException.of(record, "id", "is not a UUID: '" + text + "'");
        }
        return UUID.fromString(text);
    }
}
