package org.sectorcrm.core.referral;

import java.time.Instant;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.StaffUserId;

/** One entry of a referral's follow-up log. */
public record FollowUp(Instant at, StaffUserId by, String text) {
    public FollowUp {
        Check.of("followUp").require("at", at).require("by", by).text("text", text, Limits.DESCRIPTION).throwIfInvalid();
    }
}
