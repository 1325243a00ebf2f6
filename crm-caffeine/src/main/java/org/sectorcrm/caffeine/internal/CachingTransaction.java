package org.sectorcrm.caffeine.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
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
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.ContactStore;
import org.sectorcrm.core.spi.EmployerStore;
import org.sectorcrm.core.spi.EngagementStore;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * One transaction of the caching storage over one transaction of the delegate.
 *
 * <p>A read-only transaction answers {@code find} from the cache and loads misses through the delegate;
 * it refuses writes itself, so that no write can slip past the cache even under a delegate whose read
 * transactions would accept one. A read-write transaction sends every call to the delegate (so it sees its
 * own writes and the delegate's isolation holds) and records the ids it writes; the caching storage removes
 * them from the cache once the delegate's transaction has ended. Everything else (queries, counts, search,
 * the aggregate queries, audit, events) always goes to the delegate.
 */
public final class CachingTransaction implements StorageTransaction {
    private final StorageTransaction delegate;
    private final AggregateCache cache;
    private final boolean readOnly;
    private final long readStart;
    private final Set<Id> written;
    private boolean over;

    private CachingTransaction(StorageTransaction delegate, AggregateCache cache, boolean readOnly, long readStart, Set<Id> written) {
        this.delegate = Objects.requireNonNull(delegate, "the delegate passed a null transaction");
        this.cache = cache;
        this.readOnly = readOnly;
        this.readStart = readStart;
        this.written = written;
    }

    /** A read-only transaction whose delegate read transaction began after {@link AggregateCache#readStart()} returned {@code readStart}. */
    public static CachingTransaction reading(StorageTransaction delegate, AggregateCache cache, long readStart) {
        return new CachingTransaction(delegate, cache, true, readStart, Set.of());
    }

    /** A read-write transaction adding the ids it writes to {@code written}. */
    public static CachingTransaction writing(StorageTransaction delegate, AggregateCache cache, Set<Id> written) {
        return new CachingTransaction(delegate, cache, false, 0, written);
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The work has returned: the stores must not be used any more (the cache would otherwise still answer). */
    public void end() {
        over = true;
    }

    void checkOpen() {
        if (over) {
            throw new IllegalStateException("the transaction is over; stores must not be used after the work returns");
        }
    }

    /** Before a write: refuses it in a read-only transaction, else records the id (null for a draft the delegate refuses). */
    void writing(Id id) {
        checkOpen();
        if (readOnly) {
            throw new IllegalStateException("this is a read-only transaction");
        }
        if (id != null) {
            // Recorded before the delegate runs: a write that fails may still have reached the store (and a
            // ConflictException says the cached value is stale), and removing an entry is always safe.
            written.add(id);
        }
    }

    <I extends Id, T extends Aggregate<I>> Optional<T> find(AggregateStore<I, T, ?> store, I id) {
        Objects.requireNonNull(id, "id");
        checkOpen();
        return readOnly ? cache.find(id, readStart, store::find) : store.find(id);
    }

    @Override
    public AggregateStore<RegionCode, Region, RegionFilter> regions() {
        return new CachingStore<>(this, delegate.regions());
    }

    @Override
    public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
        return new CachingStore<>(this, delegate.sectors());
    }

    @Override
    public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
        return new CachingStore<>(this, delegate.partners());
    }

    @Override
    public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
        return new CachingStore<>(this, delegate.staffUsers());
    }

    @Override
    public EmployerStore employers() {
        return new CachingEmployerStore(this, delegate.employers());
    }

    @Override
    public ContactStore contacts() {
        return new CachingContactStore(this, delegate.contacts());
    }

    @Override
    public EngagementStore engagements() {
        return new CachingEngagementStore(this, delegate.engagements());
    }

    @Override
    public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
        return new CachingStore<>(this, delegate.needs());
    }

    @Override
    public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
        return new CachingStore<>(this, delegate.solutions());
    }

    @Override
    public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
        return new CachingStore<>(this, delegate.partnerships());
    }

    @Override
    public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
        return new CachingStore<>(this, delegate.referrals());
    }

    @Override
    public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
        return new CachingStore<>(this, delegate.outcomes());
    }

    @Override
    public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
        return new CachingStore<>(this, delegate.feedback());
    }

    @Override
    public AuditLog audit() {
        AuditLog log = delegate.audit();
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                writing(null);
                log.append(entry);
            }

            @Override
            public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                checkOpen();
                return log.query(filter, page);
            }
        };
    }

    @Override
    public EventLog events() {
        EventLog log = delegate.events(); // throws UnsupportedOperationException when the delegate keeps none
        return new EventLog() {
            @Override
            public void append(DomainEvent event) {
                writing(null);
                log.append(event);
            }

            @Override
            public List<StoredEvent> after(long afterSequence, int limit) {
                checkOpen();
                return log.after(afterSequence, limit);
            }
        };
    }
}
