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

/** What the kit needs to know of solution records to test them: fixtures in three variants, a change, a filter data set. */
public final class SolutionKit implements KindSpec<SolutionId, Solution, SolutionFilter> {
    @Override
    public Solution typical(Parents p) {
        return Solutions.aSolution().forEmployer(p.employer()).build();
    }

    @Override
    public Solution full(Parents p) {
        return Solutions.aFullSolution().forEmployer(p.employer()).build();
    }

    @Override
    public Solution minimal(Parents p) {
        return Solutions.aMinimalSolution().build();
    }

    @Override
    public Solution change(Solution x) {
        // the agreement date too, so that a store that keeps only the first version's date fails the kit
        return x.withParticipants(x.participants() == null ? 7 : x.participants() - 1)
                .withAgreedOn(x.agreedOn() == null ? java.time.LocalDate.of(2025, 7, 1) : x.agreedOn().plusDays(1));
    }

    @Override
    public Prepared<Solution, SolutionFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        PartnershipId x = Fixtures.partnershipId();
        PartnerId pa = Fixtures.partnerId();
        PartnerId pb = Fixtures.partnerId();
        List<Solution> rows = Writes.insert(storage, Kinds.of(AggregateTypes.SOLUTION),
                Solutions.aSolution().forEmployer(e1).inStatus(SolutionStatus.PROPOSED).ofType(SolutionType.REGISTERED_APPRENTICESHIP).ledBy(pa).build(),
                Solutions.aSolution().forEmployer(e1).inPartnership(x).inStatus(SolutionStatus.AGREED).ofType(SolutionType.RECRUITMENT).ledBy(pb).build(),
                Solutions.aSolution().forEmployer(e2).inStatus(SolutionStatus.COMPLETED).ofType(SolutionType.REGISTERED_APPRENTICESHIP).ledBy(pa).build(),
                Solutions.aSolution().forEmployer(null).inPartnership(x).inStatus(SolutionStatus.CANCELLED).ofType(SolutionType.CUSTOM).ledBy(pb).build());
        return new Prepared<>(rows, new Cases<SolutionFilter>()
                .field("employer", v -> new SolutionFilter(v, null, null, null, null), e1, e2, Fixtures.employerId())
                .field("partnership", v -> new SolutionFilter(null, v, null, null, null), x, Fixtures.partnershipId())
                .field("status", v -> new SolutionFilter(null, null, v, null, null), SolutionStatus.PROPOSED, SolutionStatus.AGREED,
                        SolutionStatus.COMPLETED, SolutionStatus.DECLINED)
                .field("type", v -> new SolutionFilter(null, null, null, v, null), SolutionType.REGISTERED_APPRENTICESHIP, SolutionType.RECRUITMENT,
                        SolutionType.CUSTOM, SolutionType.RAPID_RESPONSE)
                .field("leadPartner", v -> new SolutionFilter(null, null, null, null, v), pa, pb, Fixtures.partnerId())
                .list());
    }

    @Override
    public Solution withText(Solution r, String text) {
        return new Solution(r.id(), r.stamp(), r.employer(), r.partnership(), r.needs(), r.type(), text, r.leadPartner(), r.contributors(),
                r.fundingStreams(), r.status(), r.startDate(), r.endDate(), r.participants(), r.cost(), r.agreedOn());
    }

    @Override
    public String text(Solution r) {
        return r.name();
    }
}
