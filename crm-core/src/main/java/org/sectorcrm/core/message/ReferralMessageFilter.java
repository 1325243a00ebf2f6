package org.sectorcrm.core.message;

import java.time.Instant;

import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * Which messages a query returns; null fields do not filter. {@code partner}: messages of threads that partner is one
 * of the two sides of; {@code sentAfter}: messages sent strictly after that instant. {@link #matches} is the
 * definition every store implements. {@code employer}: the employer the referral is about (what a merge of employers
 * moves).
 *
 * @since 2
 */
public record ReferralMessageFilter(ReferralId referral, PartnerId partner, StaffUserId author, Instant sentAfter,
        org.sectorcrm.core.employer.EmployerId employer) {
    public static final ReferralMessageFilter ALL = new ReferralMessageFilter(null, null, null, null, null);

    public static ReferralMessageFilter thread(ReferralId referral) {
        return new ReferralMessageFilter(referral, null, null, null, null);
    }

    public ReferralMessageFilter withPartner(PartnerId partner) {
        return new ReferralMessageFilter(referral, partner, author, sentAfter, employer);
    }

    public boolean matches(ReferralMessage m) {
        return (referral == null || referral.equals(m.referral()))
                && (partner == null || m.readableBy(partner))
                && (author == null || author.equals(m.author()))
                && (sentAfter == null || m.sentAt().isAfter(sentAfter))
                && (employer == null || employer.equals(m.employer()));
    }
}
