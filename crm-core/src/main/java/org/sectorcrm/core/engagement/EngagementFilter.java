package org.sectorcrm.core.engagement;

import java.time.LocalDate;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Which engagements a query returns; null fields do not filter. Dates are inclusive. {@code followUpDueBy}: engagements
 * with a follow-up due on or before that day (due or overdue), since SPI 2.
 * {@link #matches} is the definition every store implements.
 */
public record EngagementFilter(EmployerId employer, PartnerId partner, PartnershipId partnership, LocalDate from, LocalDate to,
        Boolean staffAssisted, Channel channel, EseCategory service, String externalId, LocalDate followUpDueBy) {
    public static final EngagementFilter ALL = new EngagementFilter(null, null, null, null, null, null, null, null, null);

    /** A filter without the follow-up condition (the fields of SPI 1). */
    public EngagementFilter(EmployerId employer, PartnerId partner, PartnershipId partnership, LocalDate from, LocalDate to,
            Boolean staffAssisted, Channel channel, EseCategory service, String externalId) {
        this(employer, partner, partnership, from, to, staffAssisted, channel, service, externalId, null);
    }

    /** The engagements of {@code partner} whose follow-up is due on or before {@code day}. */
    public static EngagementFilter followUpsDue(PartnerId partner, LocalDate day) {
        return new EngagementFilter(null, partner, null, null, null, null, null, null, null, day);
    }

    public static EngagementFilter forEmployer(EmployerId employer) {
        return new EngagementFilter(employer, null, null, null, null, null, null, null, null);
    }

    public static EngagementFilter between(LocalDate from, LocalDate to) {
        return new EngagementFilter(null, null, null, from, to, null, null, null, null);
    }

    public static EngagementFilter byExternalId(String externalId) {
        return new EngagementFilter(null, null, null, null, null, null, null, null, externalId);
    }

    public boolean matches(Engagement e) {
        return (employer == null || employer.equals(e.employer()))
                && (partner == null || partner.equals(e.partner()))
                && (partnership == null || partnership.equals(e.partnership()))
                && (from == null || !e.date().isBefore(from))
                && (to == null || !e.date().isAfter(to))
                && (staffAssisted == null || staffAssisted == e.staffAssisted())
                && (channel == null || channel == e.channel())
                && (service == null || e.services().contains(service))
                && (externalId == null || externalId.equals(e.externalId()))
                && (followUpDueBy == null || e.followUpDue() != null && !e.followUpDue().isAfter(followUpDueBy));
    }
}
