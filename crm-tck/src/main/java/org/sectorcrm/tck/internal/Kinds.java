package org.sectorcrm.tck.internal;

import java.math.BigDecimal;
import java.util.List;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Feedbacks;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Partnerships;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;

/** Every aggregate type of the SPI, in the order {@link org.sectorcrm.core.spi.StorageTransaction} lists their stores. */
public final class Kinds {
    public static final Kind<RegionCode, Region, RegionFilter> REGION = new Kind<>("region", tx -> tx.regions(), RegionFilter.ALL,
            p -> Regions.aRegion().build(), p -> Regions.aFullRegion().build(), p -> Regions.aMinimalRegion().build(),
            Region::withStamp, (r, id) -> new Region(id, r.stamp(), r.name(), r.kind(), r.counties()), r -> new Region(r.id(), r.stamp(), renamed(r.name()), r.kind(), r.counties()), false, false);

    public static final Kind<SectorCode, Sector, SectorFilter> SECTOR = new Kind<>("sector", tx -> tx.sectors(), SectorFilter.ALL,
            p -> Sectors.aSector().build(), p -> Sectors.aFullSector().build(), p -> Sectors.aMinimalSector().build(),
            Sector::withStamp, (x, id) -> new Sector(id, x.stamp(), x.name(), x.naicsPrefixes()), s -> new Sector(s.id(), s.stamp(), renamed(s.name()), s.naicsPrefixes()), false, false);

    public static final Kind<PartnerId, Partner, PartnerFilter> PARTNER = new Kind<>("partner", tx -> tx.partners(), PartnerFilter.ALL,
            p -> Partners.aPartner().build(), p -> Partners.aFullPartner().build(), p -> Partners.aMinimalPartner().build(),
            Partner::withStamp, Partner::withId, x -> x.withActive(!x.active()), false, false);

    public static final Kind<StaffUserId, StaffUser, StaffUserFilter> STAFF_USER = new Kind<>("staffUser", tx -> tx.staffUsers(), StaffUserFilter.ALL,
            p -> StaffUsers.aStaffUser().of(p.partner()).build(), p -> StaffUsers.aFullStaffUser().of(p.partner()).build(),
            p -> StaffUsers.aMinimalStaffUser().of(p.partner()).build(),
            (u, s) -> u.withStamp(s), StaffUser::withId, u -> u.withRole(u.role() == Role.MANAGER ? Role.STAFF : Role.MANAGER), false, true);

    public static final Kind<EmployerId, Employer, EmployerFilter> EMPLOYER = new Kind<>("employer", tx -> tx.employers(), EmployerFilter.ALL,
            p -> Employers.anEmployer().build(), p -> Employers.aFullEmployer().build(), p -> Employers.aMinimalEmployer().build(),
            (e, s) -> e.withStamp(s), Employer::withId, e -> e.withLegalName(renamed(e.legalName())),
            false, false);

    public static final Kind<ContactId, Contact, ContactFilter> CONTACT = new Kind<>("contact", tx -> tx.contacts(), ContactFilter.ALL,
            p -> Contacts.aContact().at(p.employer()).build(), p -> Contacts.aFullContact().at(p.employer()).build(),
            p -> Contacts.aMinimalContact().at(p.employer()).build(),
            (c, s) -> c.withStamp(s), Contact::withId, c -> c.withTitle("Plant Manager"), true, false);

    public static final Kind<EngagementId, Engagement, EngagementFilter> ENGAGEMENT = new Kind<>("engagement", tx -> tx.engagements(), EngagementFilter.ALL,
            p -> Engagements.anEngagement().forEmployer(p.employer()).build(),
            p -> Engagements.aFullEngagement().forEmployer(p.employer()).build(),
            p -> Engagements.aMinimalEngagement().forEmployer(p.employer()).build(),
            (g, s) -> g.withStamp(s), Engagement::withId, g -> g.withSummary("Follow-up call about the apprenticeship"), true, false);

    public static final Kind<NeedId, BusinessNeed, NeedFilter> NEED = new Kind<>("need", tx -> tx.needs(), NeedFilter.ALL,
            p -> Needs.aNeed().of(p.employer()).build(), p -> Needs.aFullNeed().of(p.employer()).build(),
            p -> Needs.aMinimalNeed().of(p.employer()).build(),
            (n, s) -> n.withStamp(s), BusinessNeed::withId, n -> n.withUrgency(n.urgency() == Urgency.LOW ? Urgency.HIGH : Urgency.LOW), true, false);

    public static final Kind<SolutionId, Solution, SolutionFilter> SOLUTION = new Kind<>("solution", tx -> tx.solutions(), SolutionFilter.ALL,
            p -> Solutions.aSolution().forEmployer(p.employer()).build(), p -> Solutions.aFullSolution().forEmployer(p.employer()).build(),
            p -> Solutions.aMinimalSolution().build(),
            (x, s) -> x.withStamp(s), Solution::withId, x -> x.withParticipants(x.participants() == null ? 7 : x.participants() - 1), true, false);

    public static final Kind<PartnershipId, SectorPartnership, PartnershipFilter> PARTNERSHIP = new Kind<>("partnership", tx -> tx.partnerships(), PartnershipFilter.ALL,
            p -> Partnerships.aPartnership().build(), p -> Partnerships.aFullPartnership().build(),
            p -> Partnerships.aMinimalPartnership().build(),
            (x, s) -> x.withStamp(s), SectorPartnership::withId, x -> x.withStage(x.stage() == PartnershipStage.DORMANT ? PartnershipStage.IMPLEMENTING : PartnershipStage.DORMANT),
            false, false);

    public static final Kind<ReferralId, Referral, ReferralFilter> REFERRAL = new Kind<>("referral", tx -> tx.referrals(), ReferralFilter.ALL,
            p -> Referrals.aReferral().about(p.employer()).build(), p -> Referrals.aFullReferral().about(p.employer()).build(),
            p -> Referrals.aMinimalReferral().about(p.employer()).build(),
            (r, s) -> r.withStamp(s), Referral::withId, r -> r.withExternalReference("CASE-" + r.version()), true, false);

    public static final Kind<OutcomeId, OutcomeMeasure, OutcomeFilter> OUTCOME = new Kind<>("outcome", tx -> tx.outcomes(), OutcomeFilter.ALL,
            p -> Outcomes.anOutcome().at(p.employer()).build(), p -> Outcomes.aFullOutcome().at(p.employer()).build(),
            p -> Outcomes.aMinimalOutcome().at(p.employer()).build(),
            (o, s) -> o.withStamp(s), OutcomeMeasure::withId, o -> o.withObservations(append(o.observations(), new Observation(o.baselineOn().plusDays(30), new BigDecimal("1.25")))),
            true, false);

    public static final Kind<FeedbackId, Feedback, FeedbackFilter> FEEDBACK = new Kind<>("feedback", tx -> tx.feedback(), FeedbackFilter.ALL,
            p -> Feedbacks.aFeedback().from(p.employer()).build(), p -> Feedbacks.aFullFeedback().from(p.employer()).build(),
            p -> Feedbacks.aMinimalFeedback().from(p.employer()).build(),
            (f, s) -> f.withStamp(s), Feedback::withId, f -> new Feedback(f.id(), f.stamp(), f.employer(), f.engagement(), f.solution(), f.rating() == 3 ? 4 : 3, f.comment()),
            true, false);

    /** Every type. */
    public static final List<Kind<?, ?, ?>> ALL = List.of(REGION, SECTOR, PARTNER, STAFF_USER, EMPLOYER, CONTACT, ENGAGEMENT, NEED, SOLUTION,
            PARTNERSHIP, REFERRAL, OUTCOME, FEEDBACK);

    /** The types whose records reference a parent, which {@link org.sectorcrm.core.spi.Capability#REFERENTIAL_INTEGRITY} enforces. */
    public static final List<Kind<?, ?, ?>> REFERENCING = ALL.stream().filter(k -> k.needsEmployer() || k.needsPartner()).toList();

    private Kinds() {
    }

    /** Another name, still within {@link org.sectorcrm.core.Limits#NAME}. */
    private static String renamed(String name) {
        return name.length() > 250 ? "Renamed " + name.length() : name + " (renamed)";
    }

    private static <T> List<T> append(List<T> list, T item) {
        java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
