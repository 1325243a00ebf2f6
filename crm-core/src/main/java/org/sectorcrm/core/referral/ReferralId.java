package org.sectorcrm.core.referral;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Referral}. */
public record ReferralId(UUID value) implements Id {
    public ReferralId {
        if (value == null) {
            throw ValidationException.of("referral", "id", "is required");
        }
    }

    public static ReferralId of(String text) {
        return new ReferralId(org.sectorcrm.core.internal.Uuids.parse("referral", text));
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
