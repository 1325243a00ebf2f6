package org.sectorcrm.core.referral;

import java.time.LocalDate;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Which referrals a query returns; null fields do not filter. {@code overdueOn}: only referrals
 * {@linkplain Referral#isOverdue overdue} on that day. {@link #matches} is the definition every store implements.
 */
public record ReferralFilter(PartnerId fromPartner, PartnerId toPartner, EmployerId employer, ReferralStatus status, LocalDate overdueOn) {
    public static final ReferralFilter ALL = new ReferralFilter(null, null, null, null, null);

    public boolean matches(Referral r) {
        return (fromPartner == null || fromPartner.equals(r.fromPartner()))
                && (toPartner == null || toPartner.equals(r.toPartner()))
                && (employer == null || employer.equals(r.employer()))
                && (status == null || status == r.status())
                && (overdueOn == null || r.isOverdue(overdueOn));
    }
}
