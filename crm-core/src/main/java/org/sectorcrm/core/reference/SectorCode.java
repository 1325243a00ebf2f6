package org.sectorcrm.core.reference;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** A sector's code, chosen by the deployment ("MFG", "HEALTH"). */
public record SectorCode(String value) implements Id, Comparable<SectorCode> {
    /** Compiled once (String.matches compiles on every call; reports build a code per row read). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SectorCode {
        if (value == null || !CODE.matcher(value).matches()) {
            throw ValidationException.of("sector", "code", "must be 1-64 letters, digits, '.', '_' or '-' but was '" + value + "'");
        }
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public int compareTo(SectorCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
