package org.sectorcrm.core.referral;

import java.util.EnumSet;
import java.util.Set;

/** SENT → ACCEPTED → (IN_PROGRESS →) COMPLETED, or DECLINED (a reason is required) or CANCELLED (by the sender). */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    DECLINED,
    CANCELLED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, CANCELLED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, DECLINED, CANCELLED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean isOpen() {
        return !next().isEmpty();
    }
}
