package org.sectorcrm.core.spi;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

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
 * One transaction's view of the storage: one store per aggregate type. Valid only inside the
 * {@link TransactionWork} it was passed to.
 *
 * <p>{@link #store(AggregateType)} is the one primitive a storage implements; the typed accessors
 * ({@link #employers()}, ...) are defaults over it, so a new aggregate type comes with its accessor and no
 * implementation needs to change. An implementation or decorator that overrides one must hand out the store
 * {@code store(type)} hands out (the same records, and in a read-only transaction the same refusals). Unique keys and enforced references are those of each type's descriptor
 * ({@link AggregateType#uniqueKeys()}, {@link AggregateType#references()}).
 *
 * @since 1
 */
public interface StorageTransaction {

    /**
     * The store of {@code type}, for every type of {@link AggregateTypes#all()}.
     *
     * @throws IllegalArgumentException for a type this storage does not hold (a descriptor not in {@link AggregateTypes#all()})
     * @since 2
     */
    <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type);

    default AggregateStore<RegionCode, Region, RegionFilter> regions() {
        return store(AggregateTypes.REGION);
    }

    default AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
        return store(AggregateTypes.SECTOR);
    }

    default AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
        return store(AggregateTypes.PARTNER);
    }

    default AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
        return store(AggregateTypes.STAFF_USER);
    }

    default AggregateStore<EmployerId, Employer, EmployerFilter> employers() {
        return store(AggregateTypes.EMPLOYER);
    }

    default AggregateStore<ContactId, Contact, ContactFilter> contacts() {
        return store(AggregateTypes.CONTACT);
    }

    default AggregateStore<EngagementId, Engagement, EngagementFilter> engagements() {
        return store(AggregateTypes.ENGAGEMENT);
    }

    default AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
        return store(AggregateTypes.NEED);
    }

    default AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
        return store(AggregateTypes.SOLUTION);
    }

    default AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
        return store(AggregateTypes.PARTNERSHIP);
    }

    default AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
        return store(AggregateTypes.REFERRAL);
    }

    default AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
        return store(AggregateTypes.OUTCOME);
    }

    default AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
        return store(AggregateTypes.FEEDBACK);
    }

    AuditLog audit();

    /**
     * The event log (outbox).
     *
     * @throws UnsupportedOperationException when the storage lacks {@link Capability#EVENT_LOG}
     */
    EventLog events();

    /**
     * The aggregate queries of reports over this transaction's view. The default computes them by reading the
     * stores ({@link ReportQueries#scanning}); a storage with a query language overrides it.
     *
     * @since 2
     */
    default ReportQueries reports() {
        return ReportQueries.scanning(this);
    }
}
