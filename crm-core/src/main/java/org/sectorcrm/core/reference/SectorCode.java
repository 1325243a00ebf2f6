package org.sectorcrm.core.reference;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** A sector's code, chosen by the deployment ("MFG", "HEALTH"). */
public record SectorCode(String value) implements Id, Comparable<SectorCode> {
    public SectorCode {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
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
