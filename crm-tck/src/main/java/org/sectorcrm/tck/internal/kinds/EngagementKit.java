package org.sectorcrm.tck.internal.kinds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Feedbacks;
import org.sectorcrm.tck.fixtures.Feins;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Partnerships;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of engagement records to test them: fixtures in three variants, a change, a filter data set. */
public final class EngagementKit implements KindSpec<EngagementId, Engagement, EngagementFilter> {
    @Override
    public Engagement typical(Parents p) {
        return Engagements.anEngagement().forEmployer(p.employer()).build();
    }

    @Override
    public Engagement full(Parents p) {
        return Engagements.aFullEngagement().forEmployer(p.employer()).build();
    }

    @Override
    public Engagement minimal(Parents p) {
        return Engagements.aMinimalEngagement().forEmployer(p.employer()).build();
    }

    @Override
    public Engagement change(Engagement g) {
        return g.withSummary("Follow-up call about the apprenticeship");
    }

    @Override
    public Prepared<Engagement, EngagementFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        PartnerId pa = Fixtures.partnerId();
        PartnerId pb = Fixtures.partnerId();
        PartnershipId x = Fixtures.partnershipId();
        PartnershipId y = Fixtures.partnershipId();
        List<Engagement> rows = Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT),
                Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pa).inPartnership(x).on(LocalDate.of(2026, 1, 10))
                        .via(Channel.MEETING).staffAssisted(true)
                        .withServices(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES).withExternalId("EXT-1")
                        .followUpDue(LocalDate.of(2026, 2, 15)).build(),
                Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pb).on(LocalDate.of(2026, 1, 31))
                        .via(Channel.MASS_MAILING).staffAssisted(false).withServices().followUpDue(null).build(),
                Engagements.anEngagement().forEmployer(e2).by(Fixtures.staffUserId(), pa).inPartnership(y).on(LocalDate.of(2026, 2, 1))
                        .via(Channel.CALL).staffAssisted(true).withServices(EseCategory.TRAINING_SERVICES).withExternalId("EXT-3")
                        .followUpDue(LocalDate.of(2026, 3, 1)).build(),
                Engagements.anEngagement().forEmployer(e2).by(Fixtures.staffUserId(), pb).inPartnership(x).on(LocalDate.of(2025, 12, 31))
                        .via(Channel.SITE_VISIT).staffAssisted(false).withServices(EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT).followUpDue(null).build(),
                Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pa).on(LocalDate.of(2026, 1, 31))
                        .via(Channel.EVENT).staffAssisted(true).withServices(EseCategory.RAPID_RESPONSE_DOWNSIZING).withExternalId("EXT-5")
                        .followUpDue(LocalDate.of(2026, 2, 14)).build());
        return new Prepared<>(rows, new Cases<EngagementFilter>()
                .field("employer", v -> new EngagementFilter(v, null, null, null, null, null, null, null, null), e1, e2, Fixtures.employerId())
                .field("partner", v -> new EngagementFilter(null, v, null, null, null, null, null, null, null), pa, pb, Fixtures.partnerId())
                .field("partnership", v -> new EngagementFilter(null, null, v, null, null, null, null, null, null), x, y, Fixtures.partnershipId())
                .field("from", v -> new EngagementFilter(null, null, null, v, null, null, null, null, null),
                        LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 2))
                .field("to", v -> new EngagementFilter(null, null, null, null, v, null, null, null, null),
                        LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31))
                .field("staffAssisted", v -> new EngagementFilter(null, null, null, null, null, v, null, null, null), true, false)
                .field("channel", v -> new EngagementFilter(null, null, null, null, null, null, v, null, null), Channel.MEETING,
                        Channel.MASS_MAILING, Channel.CALL, Channel.COLD_CALL)
                .field("service", v -> new EngagementFilter(null, null, null, null, null, null, null, v, null),
                        EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES, EseCategory.PLANNING_LAYOFF_RESPONSE)
                .field("externalId", v -> new EngagementFilter(null, null, null, null, null, null, null, null, v), "EXT-1", "EXT-3", "EXT-404")
                .field("followUpDueBy", v -> new EngagementFilter(null, null, null, null, null, null, null, null, null, v),
                        LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 1))
                .add("partner+followUpDueBy", "pa, 2026-02-15", EngagementFilter.followUpsDue(pa, LocalDate.of(2026, 2, 15)))
                .add("from+to", "2026-01-10..2026-01-31", EngagementFilter.between(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31)))
                .add("employer+staffAssisted+service", "e1, true, TRAINING_SERVICES",
                        new EngagementFilter(e1, null, null, null, null, true, null, EseCategory.TRAINING_SERVICES, null))
                .list());
    }

    @Override
    public Engagement withText(Engagement r, String text) {
        return r.withSummary(text);
    }

    @Override
    public String text(Engagement r) {
        return r.summary();
    }

    /** External ids are the source system's: "ext-1" and "EXT-1" are different ids. */
    @Override
    public Engagement withKey(Engagement e, String field, int n, boolean otherCase) {
        String id = "Crm-Ext-" + n;
        return e.withExternalId(otherCase ? id.toUpperCase(java.util.Locale.ROOT) : id);
    }
}
