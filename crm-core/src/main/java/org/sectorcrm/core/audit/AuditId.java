package org.sectorcrm.core.audit;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link AuditEntry}. */
public record AuditId(UUID value) implements Id {
    public AuditId {
        if (value == null) {
            throw ValidationException.of("audit", "id", "is required");
        }
    }

    public static AuditId of(String text) {
        return new AuditId(org.sectorcrm.core.internal.Uuids.parse("audit", text));
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
