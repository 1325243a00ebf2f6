package org.sectorcrm.caffeine;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;

/**
 * A test double with the concurrency of a database, which the in-memory reference store (one lock for
 * everything) does not have: read transactions read a snapshot taken when they begin (as SQLite in WAL mode
 * or PostgreSQL's REPEATABLE READ do) and never wait for writers; writers run one at a time and publish a new
 * snapshot when they commit. It keeps find, save and delete of every type, through the SPI's one primitive
 * {@code store(type)}; query, count, audit and events throw {@link UnsupportedOperationException}. A transaction
 * started inside another joins it as SPI 2 says: a nested read sees the outer's writes, and a nested read-write unit
 * is a savepoint (it writes to a copy, which the outer adopts only when the unit returns).
 * {@link #afterFindInRead} lets a test run code between a read transaction's load and the moment the cache would
 * keep it.
 */
final class SnapshotStorage implements CrmStorage {
    /** A row's key: ids of different types never meet. */
    private record Key(AggregateType<?, ?, ?> type, Id id) {
    }

    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private volatile Map<Key, Aggregate<?>> committed = Map.of();
    /** Runs inside read transactions after {@code find} read its snapshot, before it returns. */
    volatile Consumer<Id> afterFindInRead = id -> { };

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        Tx outer = current.get();
        if (outer != null) {
            if (outer.readOnly) {
                throw new IllegalStateException("cannot start a read-write transaction inside a read-only one");
            }
            Tx savepoint = new Tx(new HashMap<>(outer.rows), false);
            R result = run(savepoint, work);
            outer.rows.clear();
            outer.rows.putAll(savepoint.rows);
            return result;
        }
        writer.lock();
        try {
            Tx tx = new Tx(new HashMap<>(committed), false);
            R result = run(tx, work);
            committed = Map.copyOf(tx.rows); // the commit: all of the transaction's writes at once
            return result;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        Tx outer = current.get();
        return run(new Tx(outer != null ? outer.rows : committed, true), work);
    }

    private <R> R run(Tx tx, TransactionWork<R> work) {
        Tx enclosing = current.get();
        current.set(tx);
        try {
            return work.run(tx);
        } finally {
            tx.over = true;
            if (enclosing == null) {
                current.remove();
            } else {
                current.set(enclosing);
            }
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

    private static UnsupportedOperationException findSaveAndDeleteOnly() {
        return new UnsupportedOperationException("SnapshotStorage keeps find, save and delete only");
    }

    private final class Tx implements StorageTransaction {
        final Map<Key, Aggregate<?>> rows;
        final boolean readOnly;
        volatile boolean over;

        Tx(Map<Key, Aggregate<?>> rows, boolean readOnly) {
            this.rows = rows;
            this.readOnly = readOnly;
        }

        @Override
        public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
            return new Store<>(this, type);
        }

        @Override
        public AuditLog audit() {
            throw findSaveAndDeleteOnly();
        }

        @Override
        public EventLog events() {
            throw findSaveAndDeleteOnly();
        }
    }

    private final class Store<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
        private final Tx tx;
        private final AggregateType<I, T, F> type;

        Store(Tx tx, AggregateType<I, T, F> type) {
            this.tx = tx;
            this.type = type;
        }

        private void checkWritable() {
            if (tx.over) {
                throw new IllegalStateException("the transaction is over");
            }
            if (tx.readOnly) {
                throw new IllegalStateException("this is a read-only transaction");
            }
        }

        @Override
        public AggregateType<I, T, F> type() {
            return type;
        }

        @Override
        public Optional<T> find(I id) {
            Objects.requireNonNull(id, "id");
            Optional<T> found = Optional.ofNullable(tx.rows.get(new Key(type, id))).map(type::cast);
            if (tx.readOnly) {
                afterFindInRead.accept(id);
            }
            return found;
        }

        @Override
        public void save(T aggregate, long expectedVersion) {
            checkWritable();
            Key key = new Key(type, aggregate.id());
            Aggregate<?> stored = tx.rows.get(key);
            if (expectedVersion == 0 && stored != null) {
                throw new ConflictException(type.key(), aggregate.id(), stored.version(), type.key() + " " + aggregate.id() + " already exists");
            }
            if (expectedVersion > 0) {
                if (stored == null) {
                    throw new NotFoundException(type.key(), aggregate.id());
                }
                if (stored.version() != expectedVersion) {
                    throw ConflictException.staleVersion(type.key(), aggregate.id(), expectedVersion, stored.version());
                }
            }
            tx.rows.put(key, aggregate);
        }

        @Override
        public void delete(I id, long expectedVersion) {
            checkWritable();
            Key key = new Key(type, id);
            Aggregate<?> stored = tx.rows.get(key);
            if (stored == null) {
                throw new NotFoundException(type.key(), id);
            }
            if (stored.version() != expectedVersion) {
                throw ConflictException.staleVersion(type.key(), id, expectedVersion, stored.version());
            }
            tx.rows.remove(key);
        }

        @Override
        public Page<T> query(F filter, PageRequest page) {
            throw findSaveAndDeleteOnly();
        }

        @Override
        public long count(F filter) {
            throw findSaveAndDeleteOnly();
        }
    }
}
