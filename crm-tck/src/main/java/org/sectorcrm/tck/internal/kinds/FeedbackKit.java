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

/** What the kit needs to know of feedback records to test them: fixtures in three variants, a change, a filter data set. */
public final class FeedbackKit implements KindSpec<FeedbackId, Feedback, FeedbackFilter> {
    @Override
    public Feedback typical(Parents p) {
        return Feedbacks.aFeedback().from(p.employer()).build();
    }

    @Override
    public Feedback full(Parents p) {
        return Feedbacks.aFullFeedback().from(p.employer()).build();
    }

    @Override
    public Feedback minimal(Parents p) {
        return Feedbacks.aMinimalFeedback().from(p.employer()).build();
    }

    @Override
    public Feedback change(Feedback f) {
        return new Feedback(f.id(), f.stamp(), f.employer(), f.engagement(), f.solution(), f.rating() == 3 ? 4 : 3, f.comment());
    }

    @Override
    public Prepared<Feedback, FeedbackFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        EngagementId g1 = Fixtures.engagementId();
        EngagementId g2 = Fixtures.engagementId();
        SolutionId s1 = Fixtures.solutionId();
        List<Feedback> rows = Writes.insert(storage, Kinds.of(AggregateTypes.FEEDBACK), Feedbacks.aFeedback().from(e1).about(g1, null).build(),
                Feedbacks.aFeedback().from(e1).about(g2, s1).build(), Feedbacks.aFeedback().from(e2).about(null, s1).build(),
                Feedbacks.aFeedback().from(e2).about(g1, null).build());
        return new Prepared<>(rows, new Cases<FeedbackFilter>()
                .field("employer", v -> new FeedbackFilter(v, null, null), e1, e2, Fixtures.employerId())
                .field("engagement", v -> new FeedbackFilter(null, v, null), g1, g2, Fixtures.engagementId())
                .field("solution", v -> new FeedbackFilter(null, null, v), s1, Fixtures.solutionId())
                .list());
    }

    @Override
    public Feedback withText(Feedback r, String text) {
        return new Feedback(r.id(), r.stamp(), r.employer(), r.engagement(), r.solution(), r.rating(), text);
    }

    @Override
    public String text(Feedback r) {
        return r.comment();
    }
}
