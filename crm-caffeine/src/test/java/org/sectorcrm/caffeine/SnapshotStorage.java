package org.sectorcrm.caffeine;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.NotFoundException;
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
 * A test double with the concurrency of a database, which the in-memory reference store (one lock for
 * everything) does not have: read transactions read a snapshot taken when they begin (as SQLite in WAL mode
 * or PostgreSQL's REPEATABLE READ do) and never wait for writers; writers run one at a time and publish a new
 * snapshot when they commit. It keeps employers only (find, save and delete); every other store throws
 * {@link UnsupportedOperationException}. {@link #afterFindInRead} lets a test run code between a read
 * transaction's load and the moment the cache would keep it.
 */
final class SnapshotStorage implements CrmStorage {
    private final ReentrantLock writer = new ReentrantLock();
    private volatile Map<EmployerId, Employer> committed = Map.of();
    /** Runs inside read transactions after {@code find} read its snapshot, before it returns. */
    volatile Consumer<EmployerId> afterFindInRead = id -> { };

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        writer.lock();
        try {
            Map<EmployerId, Employer> working = new HashMap<>(committed);
            Tx tx = new Tx(working, false);
            R result;
            try {
                result = work.run(tx);
            } finally {
                tx.over = true;
            }
            committed = Map.copyOf(working); // the commit: all of the transaction's writes at once
            return result;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        Tx tx = new Tx(committed, true);
        try {
            return work.run(tx);
        } finally {
            tx.over = true;
        }
    }

    /** Replaces an employer without any transaction of a cache seeing it: another node writing to the database. */
    void writeBehindTheCache(Employer employer) {
        inTransaction(tx -> {
            tx.employers().save(employer, employer.version() - 1);
            return null;
        });
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static UnsupportedOperationException employersOnly() {
        return new UnsupportedOperationException("SnapshotStorage keeps employers only");
    }

    private final class Tx implements StorageTransaction, EmployerStore {
        final Map<EmployerId, Employer> rows;
        final boolean readOnly;
        volatile boolean over;

        Tx(Map<EmployerId, Employer> rows, boolean readOnly) {
            this.rows = rows;
            this.readOnly = readOnly;
        }

        private void checkWritable() {
            if (over) {
                throw new IllegalStateException("the transaction is over");
            }
            if (readOnly) {
                throw new IllegalStateException("this is a read-only transaction");
            }
        }

        @Override
        public EmployerStore employers() {
            return this;
        }

        @Override
        public Optional<Employer> find(EmployerId id) {
            Objects.requireNonNull(id, "id");
            Optional<Employer> found = Optional.ofNullable(rows.get(id));
            if (readOnly) {
                afterFindInRead.accept(id);
            }
            return found;
        }

        @Override
        public void save(Employer employer, long expectedVersion) {
            checkWritable();
            Employer stored = rows.get(employer.id());
            if (expectedVersion == 0 && stored != null) {
                throw new ConflictException("employer", employer.id(), stored.version(), "employer " + employer.id() + " already exists");
            }
            if (expectedVersion > 0) {
                if (stored == null) {
                    throw new NotFoundException("employer", employer.id());
                }
                if (stored.version() != expectedVersion) {
                    throw ConflictException.staleVersion("employer", employer.id(), expectedVersion, stored.version());
                }
            }
            rows.put(employer.id(), employer);
        }

        @Override
        public void delete(EmployerId id, long expectedVersion) {
            checkWritable();
            Employer stored = rows.get(id);
            if (stored == null) {
                throw new NotFoundException("employer", id);
            }
            if (stored.version() != expectedVersion) {
                throw ConflictException.staleVersion("employer", id, expectedVersion, stored.version());
            }
            rows.remove(id);
        }

        @Override
        public Page<Employer> query(EmployerFilter filter, PageRequest page) {
            throw employersOnly();
        }

        @Override
        public long count(EmployerFilter filter) {
            throw employersOnly();
        }

        @Override
        public Page<Employer> search(SearchTerms terms, PageRequest page) {
            throw employersOnly();
        }

        @Override
        public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
            throw employersOnly();
        }

        @Override
        public AggregateStore<RegionCode, Region, RegionFilter> regions() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
            throw employersOnly();
        }

        @Override
        public ContactStore contacts() {
            throw employersOnly();
        }

        @Override
        public EngagementStore engagements() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
            throw employersOnly();
        }

        @Override
        public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
            throw employersOnly();
        }

        @Override
        public AuditLog audit() {
            throw employersOnly();
        }

        @Override
        public EventLog events() {
            throw employersOnly();
        }
    }
}
