package org.sectorcrm.core.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import org.sectorcrm.core.ValidationException;

public final class Uuids {
    // Compiled once: String.matches compiles its pattern on every call, and every id read from a store comes here
    // (a region-scale ESE report parses hundreds of thousands).
    private static final Pattern CANONICAL = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Uuids() {
    }

    /** Parses a canonical UUID, naming the record whose id it is when the text is not one. */
    public static UUID parse(String record, String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw ValidationException.of(record, "id", "is not a UUID: '" + text + "'");
        }
        return UUID.fromString(text);
    }
}
