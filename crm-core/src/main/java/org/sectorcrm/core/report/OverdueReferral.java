package org.sectorcrm.core.report;

import java.time.LocalDate;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * One overdue referral with the names a reader needs; {@code daysOverdue} counts the days after {@code responseDue}.
 *
 * @since 2
 */
public record OverdueReferral(ReferralId referral, PartnerId fromPartner, String fromPartnerName, PartnerId toPartner, String toPartnerName,
        EmployerId employer, String employerName, String requestedService, LocalDate sentOn, LocalDate responseDue, long daysOverdue) {
}
