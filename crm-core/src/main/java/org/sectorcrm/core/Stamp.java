package org.sectorcrm.core;

import java.time.Instant;

import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;

/**
 * What every stored aggregate carries besides its fields: the version used for optimistic locking
 * (1 when first saved, +1 on every save), when it was created and last changed (from the injected
 * {@link java.time.Clock}), and the partner whose staff created it.
 */
public record Stamp(long version, Instant createdAt, Instant updatedAt, PartnerId createdBy) {
    public Stamp {
        Check c = Check.of("stamp").require("createdAt", createdAt).require("updatedAt", updatedAt).require("createdBy", createdBy)
                .that(version >= 1, "version", "must be at least 1 but was " + version);
        if (createdAt != null && updatedAt != null) {
            c.that(!updatedAt.isBefore(createdAt), "updatedAt", "must not be before createdAt");
        }
        c.throwIfInvalid();
    }

    public static Stamp first(Instant now, PartnerId by) {
        return new Stamp(1, now, now, by);
    }

    /** The stamp of the next save: version + 1, changed now (never before the last change). */
    public Stamp next(Instant now) {
        if (now == null) {
            throw ValidationException.of("stamp", "updatedAt", "is required");
        }
        return new Stamp(version + 1, createdAt, now.isBefore(updatedAt) ? updatedAt : now, createdBy);
    }
}
