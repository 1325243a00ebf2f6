package org.sectorcrm.core.message;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link ReferralMessage}. @since 2 */
public record ReferralMessageId(UUID value) implements Id {
    public ReferralMessageId {
        if (value == null) {
            throw ValidationException.of("referralMessage", "id", "is required");
        }
    }

    public static ReferralMessageId of(String text) {
        return new ReferralMessageId(org.sectorcrm.core.internal.Uuids.parse("referralMessage", text));
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
