package org.sectorcrm.caffeine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;

/**
 * One transaction of the caching storage over one transaction of the delegate.
 *
 * <p>A read-only transaction answers {@code find} from the cache and loads misses through the delegate;
 * it refuses writes itself, so that no write can slip past the cache even under a delegate whose read
 * transactions would accept one. A read-write transaction sends every call to the delegate (so it sees its
 * own writes and the delegate's isolation holds) and records the (type, id) of each write; the caching storage
 * removes them from the cache once the delegate's outermost transaction has ended. A unit nested in a read-write
 * transaction ({@link #joined}), a read included, goes to the delegate too. Everything else (queries, counts,
 * search, the report queries, audit, events) always goes to the delegate.
 *
 * <p>Every type of {@link org.sectorcrm.core.type.AggregateTypes#all()} is cached through {@link #store}, the SPI's
 * one primitive: the typed accessors are its defaults, so no type is named here.
 */
public final class CachingTransaction extends ForwardingStorageTransaction {
    private final AggregateCache cache;
    private final boolean readOnly;
    /** Whether {@code find} may be answered from the cache: in read-only transactions that no read-write one encloses. */
    private final boolean cached;
    private final long readStart;
    private final Set<AggregateCache.Key> written;
    private volatile boolean over;

    private CachingTransaction(StorageTransaction delegate, AggregateCache cache, boolean readOnly, boolean cached, long readStart,
            Set<AggregateCache.Key> written) {
        super(delegate);
        this.cache = cache;
        this.readOnly = readOnly;
        this.cached = cached;
        this.readStart = readStart;
        this.written = written;
    }

    /** A read-only transaction whose delegate read transaction began after {@link AggregateCache#readStart()} returned {@code readStart}. */
    public static CachingTransaction reading(StorageTransaction delegate, AggregateCache cache, long readStart) {
        return new CachingTransaction(delegate, cache, true, true, readStart, Set.of());
    }

    /** A read-write transaction adding the keys it writes to {@code written}. */
    public static CachingTransaction writing(StorageTransaction delegate, AggregateCache cache, Set<AggregateCache.Key> written) {
        return new CachingTransaction(delegate, cache, false, false, 0, written);
    }

    /**
     * The view for a unit nested in this one, over the delegate's joined transaction {@code joined} (a savepoint of
     * the delegate's). It writes to the same set of keys, so the outermost transaction removes what any inner unit
     * wrote, undone or not; it answers from the cache only when this one does, so that nothing read inside a
     * read-write transaction (possibly an inner unit's write that a savepoint will undo) ever enters the cache.
     * The caller has refused a read-write unit inside a read-only transaction; a read unit refuses writes.
     */
    public CachingTransaction joined(StorageTransaction joined, boolean readOnlyUnit) {
        return new CachingTransaction(joined, cache, readOnly || readOnlyUnit, cached, readStart, written);
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

    /** Before a write: refuses it in a read-only transaction, else records the key (id null: a draft the delegate refuses). */
    void writing(AggregateType<?, ?, ?> type, Id id) {
        checkOpen();
        if (readOnly) {
            throw new IllegalStateException("this is a read-only transaction");
        }
        if (id != null) {
            // Recorded before the delegate runs: a write that fails may still have reached the store (and a
            // ConflictException says the cached value is stale), and removing an entry is always safe.
            written.add(new AggregateCache.Key(type, id));
        }
    }

    <I extends Id, T extends Aggregate<I>> Optional<T> find(AggregateType<I, T, ?> type, AggregateStore<I, T, ?> store, I id) {
        checkOpen();
        return cached ? cache.find(type, id, readStart, store::find) : store.find(id);
    }

    @Override
    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
        checkOpen();
        return new CachingStore<>(this, type, delegate().store(type));
    }

    @Override
    public AuditLog audit() {
        AuditLog log = delegate().audit();
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                writing(null, null);
                log.append(entry);
            }

            @Override
            public void appendAll(List<AuditEntry> entries) {
                writing(null, null);
                log.appendAll(entries);
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
        EventLog log = delegate().events(); // throws UnsupportedOperationException when the delegate keeps none
        return new EventLog() {
            @Override
            public void append(DomainEvent event) {
                writing(null, null);
                log.append(event);
            }

            @Override
            public void appendAll(List<DomainEvent> events) {
                writing(null, null);
                log.appendAll(events);
            }

            @Override
            public List<StoredEvent> after(long afterSequence, int limit) {
                checkOpen();
                return log.after(afterSequence, limit);
            }
        };
    }

    /** The delegate's: reports aggregate over many records and must see this transaction's own writes. */
    @Override
    public ReportQueries reports() {
        checkOpen();
        ReportQueries reports = delegate().reports();
        return new ReportQueries() {
            @Override
            public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                checkOpen();
                return reports.countByRegionAndSector(filter);
            }

            @Override
            public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                checkOpen();
                return reports.servedEstablishments(from, to);
            }

            @Override
            public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner,
                    boolean byCategory) {
                checkOpen();
                return reports.placedCountableServices(from, to, partner, byCategory);
            }

            @Override
            public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner) {
                checkOpen();
                return reports.countableServices(from, to, partner);
            }

            @Override
            public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
                checkOpen();
                return reports.partnerContacts(from, to);
            }
        };
    }
}
