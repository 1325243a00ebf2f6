package org.sectorcrm.core.engagement;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Engagement}. */
public record EngagementId(UUID value) implements Id {
    public EngagementId {
        if (value == null) {
            throw ValidationException.of("engagement", "id", "is required");
        }
    }

    public static EngagementId of(String text) {
        return new EngagementId(org.sectorcrm.core.internal.Uuids.parse("engagement", text));
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
