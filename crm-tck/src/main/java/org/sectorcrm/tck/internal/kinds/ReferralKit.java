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

/** What the kit needs to know of referral records to test them: fixtures in three variants, a change, a filter data set. */
public final class ReferralKit implements KindSpec<ReferralId, Referral, ReferralFilter> {
    @Override
    public Referral typical(Parents p) {
        return Referrals.aReferral().about(p.employer()).build();
    }

    @Override
    public Referral full(Parents p) {
        return Referrals.aFullReferral().about(p.employer()).build();
    }

    @Override
    public Referral minimal(Parents p) {
        return Referrals.aMinimalReferral().about(p.employer()).build();
    }

    @Override
    public Referral change(Referral r) {
        return r.withExternalReference("CASE-" + r.version());
    }

    @Override
    public Prepared<Referral, ReferralFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        PartnerId pa = Fixtures.partnerId();
        PartnerId pb = Fixtures.partnerId();
        PartnerId pc = Fixtures.partnerId();
        LocalDate sent = LocalDate.of(2026, 2, 1);
        List<Referral> rows = Writes.insert(storage, Kinds.of(AggregateTypes.REFERRAL),
                Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pb).about(e1).sentOn(sent, LocalDate.of(2026, 2, 10)).build(),
                Referrals.aReferral().from(pb, Fixtures.staffUserId()).to(pa).about(e1).sentOn(sent, LocalDate.of(2026, 2, 10))
                        .inStatus(ReferralStatus.ACCEPTED).build(),
                Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pc).about(e2).sentOn(sent, LocalDate.of(2026, 3, 1)).build(),
                Referrals.aReferral().from(pc, Fixtures.staffUserId()).to(pb).about(e2).sentOn(sent, null).build(),
                Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pb).about(e2).sentOn(sent, LocalDate.of(2026, 2, 5))
                        .declined("We do not serve this county").build());
        return new Prepared<>(rows, new Cases<ReferralFilter>()
                .field("fromPartner", v -> new ReferralFilter(v, null, null, null, null), pa, pb, pc, Fixtures.partnerId())
                .field("toPartner", v -> new ReferralFilter(null, v, null, null, null), pa, pb, pc, Fixtures.partnerId())
                .field("employer", v -> new ReferralFilter(null, null, v, null, null), e1, e2, Fixtures.employerId())
                .field("status", v -> new ReferralFilter(null, null, null, v, null), ReferralStatus.SENT, ReferralStatus.ACCEPTED,
                        ReferralStatus.DECLINED, ReferralStatus.COMPLETED)
                .field("overdueOn", v -> new ReferralFilter(null, null, null, null, v), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 10),
                        LocalDate.of(2026, 2, 11), LocalDate.of(2026, 3, 2))
                .list());
    }

    @Override
    public Referral withText(Referral r, String text) {
        return new Referral(r.id(), r.stamp(), r.fromPartner(), r.fromStaff(), r.toPartner(), r.employer(), r.partnership(), r.need(), text,
                r.status(), r.sentOn(), r.responseDue(), r.declineReason(), r.followUps(), r.outcome(), r.externalReference(), r.contact(), r.release(), r.respondedAt(), r.completedAt());
    }

    @Override
    public String text(Referral r) {
        return r.requestedService();
    }
}
