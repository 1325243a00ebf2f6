package org.sectorcrm.core.message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * Identifies a {@link ReadMarker}. The operations derive it from (referral, reader) with {@link #of(ReferralId, StaffUserId)},
 * a name-based UUID, so that one reader has one marker per referral in every store without a unique key of its own
 * (the natural key {@code referral:reader} would be 73 characters, beyond the 64 the stores' shared tables hold).
 *
 * @since 2
 */
public record ReadMarkerId(UUID value) implements Id {
    public ReadMarkerId {
        if (value == null) {
            throw ValidationException.of("readMarker", "id", "is required");
        }
    }

    public static ReadMarkerId of(String text) {
        return new ReadMarkerId(org.sectorcrm.core.internal.Uuids.parse("readMarker", text));
    }

    /** The id of {@code reader}'s marker on {@code referral}: the same in every store and on every node. */
    public static ReadMarkerId of(ReferralId referral, StaffUserId reader) {
        return new ReadMarkerId(UUID.nameUUIDFromBytes(("sectorcrm:readMarker:" + referral.asString() + ":" + reader.asString())
                .getBytes(StandardCharsets.UTF_8)));
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
