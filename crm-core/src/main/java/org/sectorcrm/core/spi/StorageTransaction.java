package org.sectorcrm.core.spi;

import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;

/**
 * One transaction's view of the storage: one store per aggregate. Valid only inside the
 * {@link TransactionWork} it was passed to.
 *
 * <p>Unique keys every store enforces with {@link org.sectorcrm.core.ConflictException}: an employer's
 * FEIN (when present), a staff user's e-mail, an engagement's external id (when present). References
 * enforced under {@link Capability#REFERENTIAL_INTEGRITY}: the {@code employer} of contacts, engagements,
 * needs, solutions, referrals, outcomes and feedback; the {@code partner} of staff users.
 *
 * @since 1
 */
public interface StorageTransaction {
    AggregateStore<RegionCode, Region, RegionFilter> regions();

    AggregateStore<SectorCode, Sector, SectorFilter> sectors();

    AggregateStore<PartnerId, Partner, PartnerFilter> partners();

    AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers();

    EmployerStore employers();

    ContactStore contacts();

    EngagementStore engagements();

    AggregateStore<NeedId, BusinessNeed, NeedFilter> needs();

    AggregateStore<SolutionId, Solution, SolutionFilter> solutions();

    AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships();

    AggregateStore<ReferralId, Referral, ReferralFilter> referrals();

    AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes();

    AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback();

    AuditLog audit();

    /**
     * The event log (outbox).
     *
     * @throws UnsupportedOperationException when the storage lacks {@link Capability#EVENT_LOG}
     */
    EventLog events();

}
