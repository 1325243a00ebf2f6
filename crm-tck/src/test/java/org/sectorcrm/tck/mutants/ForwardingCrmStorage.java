package org.sectorcrm.tck.mutants;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
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
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.ContactStore;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.EmployerStore;
import org.sectorcrm.core.spi.EngagementStore;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;

/**
 * A storage that forwards everything to another one. A mutant overrides one hook to break one promise of the
 * contract; everything else stays as correct as the store it wraps.
 */
class ForwardingCrmStorage implements CrmStorage {
    protected final CrmStorage delegate;

    ForwardingCrmStorage(CrmStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        return delegate.inTransaction(tx -> work.run(wrap(tx)));
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        return delegate.read(tx -> work.run(wrap(tx)));
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The transaction the work sees. */
    protected StorageTransaction wrap(StorageTransaction tx) {
        return new ForwardingTransaction(tx, employers(tx.employers()));
    }

    /** The employer store the work sees: the hook most mutants override. */
    protected EmployerStore employers(EmployerStore store) {
        return store;
    }

    /** Forwards every store of a transaction, the employers to the given store. */
    static class ForwardingTransaction implements StorageTransaction {
        private final StorageTransaction tx;
        private final EmployerStore employers;

        ForwardingTransaction(StorageTransaction tx, EmployerStore employers) {
            this.tx = tx;
            this.employers = employers;
        }

        @Override
        public AggregateStore<RegionCode, Region, RegionFilter> regions() {
            return tx.regions();
        }

        @Override
        public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
            return tx.sectors();
        }

        @Override
        public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
            return tx.partners();
        }

        @Override
        public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
            return tx.staffUsers();
        }

        @Override
        public EmployerStore employers() {
            return employers;
        }

        @Override
        public ContactStore contacts() {
            return tx.contacts();
        }

        @Override
        public EngagementStore engagements() {
            return tx.engagements();
        }

        @Override
        public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
            return tx.needs();
        }

        @Override
        public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
            return tx.solutions();
        }

        @Override
        public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
            return tx.partnerships();
        }

        @Override
        public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
            return tx.referrals();
        }

        @Override
        public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
            return tx.outcomes();
        }

        @Override
        public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
            return tx.feedback();
        }

        @Override
        public AuditLog audit() {
            return tx.audit();
        }

        @Override
        public EventLog events() {
            return tx.events();
        }
    }

    /** Forwards every method of an employer store. */
    static class ForwardingEmployerStore implements EmployerStore {
        protected final EmployerStore store;

        ForwardingEmployerStore(EmployerStore store) {
            this.store = store;
        }

        @Override
        public Optional<Employer> find(EmployerId id) {
            return store.find(id);
        }

        @Override
        public void save(Employer aggregate, long expectedVersion) {
            store.save(aggregate, expectedVersion);
        }

        @Override
        public void delete(EmployerId id, long expectedVersion) {
            store.delete(id, expectedVersion);
        }

        @Override
        public Page<Employer> query(EmployerFilter filter, PageRequest page) {
            return store.query(filter, page);
        }

        @Override
        public long count(EmployerFilter filter) {
            return store.count(filter);
        }

        @Override
        public Page<Employer> search(SearchTerms terms, PageRequest page) {
            return store.search(terms, page);
        }

        @Override
        public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
            return store.countByRegionAndSector(filter);
        }
    }
}
