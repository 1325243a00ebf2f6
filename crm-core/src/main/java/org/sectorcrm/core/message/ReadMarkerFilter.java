package org.sectorcrm.core.message;

import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/** Which read markers a query returns; null fields do not filter. {@link #matches} is the definition every store implements. @since 2 */
public record ReadMarkerFilter(ReferralId referral, StaffUserId reader) {
    public static final ReadMarkerFilter ALL = new ReadMarkerFilter(null, null);

    public boolean matches(ReadMarker m) {
        return (referral == null || referral.equals(m.referral())) && (reader == null || reader.equals(m.reader()));
    }
}
