package org.sectorcrm.caffeine;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.sectorcrm.caffeine.internal.AggregateCache;
import org.sectorcrm.caffeine.internal.CachingTransaction;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * A read-through cache of aggregates by id, in front of any {@link CrmStorage}: a vendor's own store as well as
 * the JDBC one.
 *
 * <pre>{@code
 * CrmStorage storage = CachingCrmStorage.builder()
 *         .delegate(jdbcStorage)
 *         .maximumSize(50_000)
 *         .expireAfterWrite(Duration.ofSeconds(30)) // several app nodes share the database
 *         .build();
 * Crm crm = Crm.builder().storage(storage).build();
 * }</pre>
 *
 * <h2>What is cached</h2>
 * Only {@code find(id)} in read-only transactions ({@link #read}) that no read-write transaction encloses, for every
 * type of {@link org.sectorcrm.core.type.AggregateTypes#all()}, keyed by (type, id); the cache holds up to
 * {@linkplain Builder#maximumSize maximumSize} aggregates of all types together, evicting the least useful
 * ones (Caffeine's W-TinyLFU); a type given {@linkplain Builder#maximumSize(AggregateType, long) a size of its own} has a
 * cache of its own instead. Everything else goes to the delegate every time: queries, counts, search, the report
 * queries, audit and events, and every call inside a read-write transaction ({@link #inTransaction}) or a unit
 * nested in one, so a write transaction sees its own writes and keeps the delegate's isolation and locking, and
 * nothing it reads (its own writes, or an inner unit's that a savepoint may still undo) ever enters the cache.
 * Query results do not fill the cache, and "not found" is not cached: another node may create the record the next
 * moment, and a cached absence would turn that into a spurious {@code NotFoundException}. The cache hands out the
 * stored aggregate instances; aggregates are immutable records, so that is safe.
 *
 * <h2>Writes</h2>
 * Values enter the cache only from the delegate's read transactions, which by the SPI's contract never see
 * uncommitted data; writes through this storage only ever <em>remove</em> entries. Each id saved or deleted in a
 * read-write transaction is removed once the delegate's {@code inTransaction} has returned or thrown. A
 * rolled-back write can therefore never become visible through the cache, and a commit whose outcome is unknown
 * (a connection lost during COMMIT) cannot leave a stale entry behind: removing is safe either way. When
 * {@code inTransaction} returns, no read through this storage on any thread returns what the transaction
 * replaced: a read that loaded the old value while the write committed does not cache it (see the guard in
 * {@code AggregateCache}). Optimistic locking stays the delegate's job: a stale version is refused by the
 * delegate whatever the cache held.
 *
 * <h2>Several nodes: staleness</h2>
 * The cache only hears of writes made through this instance. When other processes write to the same
 * database (several app nodes on PostgreSQL or MariaDB, a batch job, a DBA's fix), a cached aggregate can be
 * older than the stored one until it is evicted. Set {@linkplain Builder#expireAfterWrite expireAfterWrite}
 * to bound that: a read may then return an aggregate up to that long (plus the length of the read transaction
 * that loaded it) older than the stored one. Nothing is lost by it: an update made from a stale read fails
 * with {@link org.sectorcrm.core.ConflictException} at the delegate, and the conflict removes the stale entry,
 * so the retry reads the current version. What a stale read can mislead is a person or a report looking at a
 * single record; pick the expiry as the age of data your users can accept (seconds, not hours). Without an
 * expiry the cache is only right when this instance is the only writer (one node on one SQLite file).
 * {@link #invalidateAll()} empties it after an out-of-band change.
 *
 * <h2>Transactions the cache cannot see</h2>
 * The cache relies on the delegate committing when its {@code inTransaction} returns. A delegate whose
 * transactions join an enclosing one the cache does not know about (an embedder's transaction-aware
 * {@code DataSource}, or a delegate transaction opened directly by the caller) commits later or rolls back
 * after the cache has already dropped the ids; reads in between may cache the old value for good. Do not put
 * this cache in front of a storage used that way. Transactions started through this storage nest as the SPI
 * says, through the delegate: a transaction on a thread already inside one joins the delegate's as a savepoint (an
 * inner unit that throws has exactly its writes undone; a {@link org.sectorcrm.core.StorageException} fails the
 * whole transaction), the ids any unit wrote are removed when the outermost transaction ends, and a read-write
 * transaction inside a read-only one throws {@link IllegalStateException}. A read-only transaction, nested or not,
 * refuses writes itself, whatever the delegate would allow.
 *
 * <h2>Statistics</h2>
 * {@link #stats()} counts in Caffeine's terms: a hit is a {@code find} answered from the cache, a miss one that
 * went to the delegate; {@code loadSuccessCount} counts misses that found the aggregate and
 * {@code loadFailureCount} those that found nothing or threw (Caffeine counts a load returning null as a
 * failure); evictions are by size or expiry, not by writes.
 *
 * <p>Thread-safe. {@link #capabilities()} are the delegate's; {@link #close()} closes the delegate.
 *
 * @since 1
 */
public final class CachingCrmStorage implements CrmStorage {
    /** The {@linkplain Builder#maximumSize maximum size} when none is set. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final CrmStorage delegate;
    private final AggregateCache cache;
    private final long maximumSize;
    /** The types with a size of their own, in the order of {@link AggregateTypes#all()}. */
    private final Map<AggregateType<?, ?, ?>, Long> typeSizes = new LinkedHashMap<>();
    private final Duration expireAfterWrite;
    private final ThreadLocal<CachingTransaction> current = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private CachingCrmStorage(Builder b) {
        this.delegate = b.delegate;
        this.maximumSize = b.maximumSize == Builder.UNSET ? DEFAULT_MAXIMUM_SIZE : b.maximumSize;
        this.expireAfterWrite = b.expireAfterWrite;
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (b.typeSizes.containsKey(type)) {
                typeSizes.put(type, b.typeSizes.get(type));
            }
        }
        this.cache = new AggregateCache(maximumSize, typeSizes, expireAfterWrite, b.ticker, b.executor);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        Objects.requireNonNull(work, "work");
        CachingTransaction outer = current.get();
        if (outer != null) {
            if (outer.readOnly()) {
                throw new IllegalStateException("cannot start a read-write transaction inside a read-only one");
            }
            // Through the delegate, which joins it as a savepoint: an inner unit that throws has exactly its writes
            // undone there. Its keys go to the outer set, removed when the outermost transaction ends.
            return delegate.inTransaction(tx -> run(work, outer.joined(tx, false)));
        }
        // Shared by every attempt should the delegate retry the work: removing more than the committed
        // attempt wrote is harmless.
        Set<AggregateCache.Key> written = new LinkedHashSet<>();
        try {
            return delegate.inTransaction(tx -> run(work, CachingTransaction.writing(tx, cache, written)));
        } finally {
            cache.invalidate(written);
        }
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        Objects.requireNonNull(work, "work");
        CachingTransaction outer = current.get();
        if (outer != null) {
            return delegate.read(tx -> run(work, outer.joined(tx, true)));
        }
        long readStart = cache.readStart(); // before the delegate's transaction (and any snapshot it takes) begins
        return delegate.read(tx -> run(work, CachingTransaction.reading(tx, cache, readStart)));
    }

    /**
     * A hit without a transaction of the delegate: outside any transaction of this thread, {@code read(tx -> find)}
     * would begin one (a pooled connection, BEGIN, COMMIT) only to answer from the cache, which was most of the cost
     * of a hit (issue 13). A miss loads in a read of the delegate, begun after {@code readStart} as in {@link #read};
     * inside a transaction this is {@link #read}, so a read-write one still sees its own writes and caches nothing.
     */
    @Override
    public <I extends Id, T extends Aggregate<I>, F> Optional<T> find(AggregateType<I, T, F> type, I id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (current.get() != null) {
            return read(tx -> tx.store(type).find(id));
        }
        long readStart = cache.readStart();
        return cache.find(type, id, readStart, key -> delegate.read(tx -> tx.store(type).find(key)));
    }

    /** Runs one unit of work with {@code tx} as this thread's transaction, then puts back the enclosing one. */
    private <R> R run(TransactionWork<R> work, CachingTransaction tx) {
        CachingTransaction enclosing = current.get();
        current.set(tx);
        try {
            return work.run(tx);
        } finally {
            tx.end();
            if (enclosing == null) {
                current.remove();
            } else {
                current.set(enclosing);
            }
        }
    }

    /** The delegate's. */
    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    /** Empties the cache and closes the delegate. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cache.invalidateAll();
            delegate.close();
        }
    }

    /**
     * Empties the cache, for when records changed behind its back (a restore, a DBA's fix). A read that began
     * before this call does not cache what it loads.
     */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Hits, misses, loads and evictions since the storage was built, in Caffeine's terms (see the class comment). */
    public CacheStats stats() {
        return cache.stats();
    }

    /** About how many aggregates the cache holds now (Caffeine may not have applied every eviction yet). */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CachingCrmStorage{maximumSize=").append(maximumSize);
        typeSizes.forEach((type, size) -> text.append(", maximumSize(").append(type.key()).append(")=").append(size));
        if (expireAfterWrite != null) {
            text.append(", expireAfterWrite=").append(expireAfterWrite);
        }
        return text.append(", delegate=").append(delegate).append('}').toString();
    }

    /**
     * Builds a {@link CachingCrmStorage}. Each setting may be given once; a wrong value fails at once with
     * a message naming it, as Caffeine's builder does.
     */
    public static final class Builder {
        static final long UNSET = -1;

        private CrmStorage delegate;
        private long maximumSize = UNSET;
        private final Map<AggregateType<?, ?, ?>, Long> typeSizes = new IdentityHashMap<>();
        private Duration expireAfterWrite;
        private Ticker ticker;
        private Executor executor;

        private Builder() {
        }

        /** The storage to cache (required). The caching storage owns it: {@link CachingCrmStorage#close()} closes it. */
        public Builder delegate(CrmStorage delegate) {
            Objects.requireNonNull(delegate, "delegate");
            requireUnset("delegate", this.delegate);
            this.delegate = delegate;
            return this;
        }

        /**
         * How many aggregates (of all types together, but those given a size of their own) the cache holds at most;
         * default {@value #DEFAULT_MAXIMUM_SIZE}. 0 caches nothing.
         */
        public Builder maximumSize(long maximumSize) {
            if (this.maximumSize != UNSET) {
                throw new IllegalStateException(String.format("maximumSize was already set to %s", this.maximumSize));
            }
            if (maximumSize < 0) {
                throw new IllegalArgumentException(String.format("maximumSize must not be negative but was %s", maximumSize));
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * Gives {@code type} a cache of its own holding at most this many of its aggregates, apart from the shared
         * {@linkplain #maximumSize(long) maximumSize}: for a type read far more often than the others (staff users, read
         * at every session) so that a scan of employers cannot evict them, or with 0 for a type not worth caching.
         * Each type may be given a size once.
         *
         * @throws IllegalArgumentException for a descriptor not in {@link AggregateTypes#all()}, or a negative size
         */
        public Builder maximumSize(AggregateType<?, ?, ?> type, long maximumSize) {
            Objects.requireNonNull(type, "type");
            if (!AggregateTypes.all().contains(type)) {
                throw new IllegalArgumentException(String.format("%s is not one of AggregateTypes.all()", type.key()));
            }
            if (typeSizes.containsKey(type)) {
                throw new IllegalStateException(String.format("maximumSize of %s was already set to %s", type.key(), typeSizes.get(type)));
            }
            if (maximumSize < 0) {
                throw new IllegalArgumentException(String.format("maximumSize of %s must not be negative but was %s", type.key(), maximumSize));
            }
            typeSizes.put(type, maximumSize);
            return this;
        }

        /**
         * Drops an aggregate this long after it was loaded, bounding how stale a read can be when other nodes
         * write to the same database (see the class comment). Default: never, right only for a single writer.
         */
        public Builder expireAfterWrite(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            requireUnset("expireAfterWrite", this.expireAfterWrite);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(String.format("expireAfterWrite must be positive but was %s", duration));
            }
            this.expireAfterWrite = duration;
            return this;
        }

        /** The time source for expiry and load times; default {@link Ticker#systemTicker()}. Tests pass a fake one. */
        public Builder ticker(Ticker ticker) {
            Objects.requireNonNull(ticker, "ticker");
            requireUnset("ticker", this.ticker);
            this.ticker = ticker;
            return this;
        }

        /** Where Caffeine runs its maintenance (evictions, expiry); default its own. Tests pass {@code Runnable::run}. */
        public Builder executor(Executor executor) {
            Objects.requireNonNull(executor, "executor");
            requireUnset("executor", this.executor);
            this.executor = executor;
            return this;
        }

        public CachingCrmStorage build() {
            if (delegate == null) {
                throw new IllegalStateException("delegate is required: CachingCrmStorage.builder().delegate(storage)");
            }
            return new CachingCrmStorage(this);
        }

        private static void requireUnset(String setting, Object value) {
            if (value != null) {
                throw new IllegalStateException(String.format("%s was already set to %s", setting, value));
            }
        }
    }
}
