package org.sectorcrm.core.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The reference implementation of the storage SPI: every other store must behave like this one (the
 * kit's model-based properties compare them). Thread-safe. A read-write transaction holds a write lock
 * for its whole run and writes in place, keeping an undo log; when the work throws, the undo log puts
 * back every map as it was before any reader could see the difference. A nested unit remembers the undo
 * log's depth and, when it throws, undoes back to it: a savepoint. Read transactions share a read lock.
 * Simple and obviously all-or-nothing, at the price of one writer at a time.
 *
 * <p>Its tables come from the descriptors ({@link AggregateTypes#all()}): one per type, with the type's unique
 * keys and references.
 */
public final class InMemoryCrmStorage implements CrmStorage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    private final Map<AggregateType<?, ?, ?>, Table<?, ?, ?>> tables = new IdentityHashMap<>();
    private final TreeMap<String, AuditEntry> audit = new TreeMap<>();
    private final List<StoredEvent> events = new ArrayList<>();
    private volatile boolean closed;

    public InMemoryCrmStorage() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            tables.put(type, new Table<>(type));
        }
        for (Table<?, ?, ?> table : tables.values()) {
            for (AggregateType.Reference<?> ref : table.type.references()) {
                tableOf(ref.target()).referencedBy.add(table);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <I extends Id, T extends Aggregate<I>, F> Table<I, T, F> tableOf(AggregateType<I, T, F> type) {
        Table<I, T, F> table = (Table<I, T, F>) tables.get(Objects.requireNonNull(type, "type"));
        if (table == null) {
            throw new IllegalArgumentException("this storage holds no aggregate type " + type);
        }
        return table;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        return run(work, false);
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        return run(work, true);
    }

    private <R> R run(TransactionWork<R> work, boolean readOnly) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("the storage is closed");
        }
        Tx outer = current.get();
        if (outer != null) {
            if (outer.readOnly && !readOnly) {
                throw new IllegalStateException("cannot start a read-write transaction inside a read-only one");
            }
            // Joins the outer transaction, as a savepoint: a failure undoes exactly what this unit wrote. A read nested
            // in a write sees its writes but may not write itself. A storage failure dooms the whole transaction.
            int depth = outer.undo.size();
            try {
                return work.run(readOnly && !outer.readOnly ? new org.sectorcrm.core.spi.ReadOnlyStorageTransaction(outer) : outer);
            } catch (RuntimeException | Error e) {
                outer.rollbackTo(depth);
                if (e instanceof StorageException se && outer.doomedBy == null) {
                    outer.doomedBy = se;
                }
                throw e;
            }
        }
        var l = readOnly ? lock.readLock() : lock.writeLock();
        l.lock();
        Tx tx = new Tx(readOnly);
        current.set(tx);
        try {
            R result = work.run(tx);
            if (tx.doomedBy != null) {
                tx.rollbackTo(0);
                throw new StorageException("the transaction was rolled back: a nested unit failed in the storage ("
                        + tx.doomedBy.getMessage() + "), and nothing of the transaction is kept", tx.doomedBy);
            }
            tx.done = true;
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollbackTo(0);
            throw e;
        } finally {
            tx.done = true;
            current.remove();
            l.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** One table: a sorted map from id text to aggregate, with its type's unique keys and references. */
    private static final class Table<I extends Id, T extends Aggregate<I>, F> {
        final AggregateType<I, T, F> type;
        final TreeMap<String, T> rows = new TreeMap<>();
        final List<Table<?, ?, ?>> referencedBy = new ArrayList<>();

        Table(AggregateType<I, T, F> type) {
            this.type = type;
        }

        String key() {
            return type.key();
        }

        /** The field of a row of this table that references {@code idText} of {@code target}, or null. */
        String fieldReferencing(AggregateType<?, ?, ?> target, String idText) {
            for (AggregateType.Reference<T> r : type.references()) {
                if (r.target() != target) {
                    continue;
                }
                for (T row : rows.values()) {
                    Id ref = r.of(row);
                    if (ref != null && ref.asString().equals(idText)) {
                        return r.field();
                    }
                }
            }
            return null;
        }
    }

    /** A transaction: the stores, writing in place under the write lock and logging how to undo each write. */
    private final class Tx implements StorageTransaction {
        final boolean readOnly;
        final Deque<Runnable> undo = new ArrayDeque<>();
        boolean done;
        /** The storage failure of a nested unit that the outer work caught: the transaction may no longer commit. */
        StorageException doomedBy;

        Tx(boolean readOnly) {
            this.readOnly = readOnly;
        }

        void rollbackTo(int depth) {
            while (undo.size() > depth) {
                undo.pop().run();
            }
        }

        void checkWritable() {
            checkOpen();
            if (readOnly) {
                throw new IllegalStateException("this is a read-only transaction");
            }
        }

        void checkOpen() {
            if (done) {
                throw new IllegalStateException("the transaction is over; stores must not be used after the work returns");
            }
        }

        <K, V> void put(TreeMap<K, V> map, K key, V value) {
            V previous = map.put(key, value);
            undo.push(() -> {
                if (previous == null) {
                    map.remove(key);
                } else {
                    map.put(key, previous);
                }
            });
        }

        <K, V> void remove(TreeMap<K, V> map, K key) {
            V previous = map.remove(key);
            if (previous != null) {
                undo.push(() -> map.put(key, previous));
            }
        }

        @Override
        public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
            return new Store<>(tableOf(type));
        }

        @Override
        public AuditLog audit() {
            return new AuditLog() {
                @Override
                public void append(AuditEntry entry) {
                    Objects.requireNonNull(entry, "entry");
                    checkWritable();
                    if (audit.containsKey(entry.id().asString())) {
                        throw new ConflictException("audit", entry.id(), null, "audit entry " + entry.id() + " is already logged");
                    }
                    put(audit, entry.id().asString(), entry);
                }

                @Override
                public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                    Objects.requireNonNull(filter, "filter");
                    checkOpen();
                    return pageOf(audit, page, filter::matches, AuditEntry::id);
                }
            };
        }

        @Override
        public EventLog events() {
            return new EventLog() {
                @Override
                public void append(DomainEvent event) {
                    Objects.requireNonNull(event, "event");
                    checkWritable();
                    events.add(new StoredEvent(events.size() + 1L, event));
                    undo.push(() -> events.remove(events.size() - 1));
                }

                @Override
                public List<StoredEvent> after(long afterSequence, int limit) {
                    checkOpen();
                    if (limit < 1) {
                        throw new IllegalArgumentException("limit must be positive but was " + limit);
                    }
                    int from = (int) Math.max(0, Math.min(afterSequence, events.size()));
                    return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
                }
            };
        }

        /** The generic store over one table. */
        final class Store<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
            final Table<I, T, F> table;

            Store(Table<I, T, F> table) {
                this.table = table;
            }

            @Override
            public AggregateType<I, T, F> type() {
                return table.type;
            }

            @Override
            public Optional<T> find(I id) {
                Objects.requireNonNull(id, "id");
                checkOpen();
                return Optional.ofNullable(table.rows.get(id.asString()));
            }

            @Override
            public void save(T aggregate, long expectedVersion) {
                Objects.requireNonNull(aggregate, "aggregate");
                checkWritable();
                String type = table.key();
                if (aggregate.id() == null || aggregate.stamp() == null) {
                    throw new IllegalArgumentException("cannot store a draft " + type + " (it has no id or stamp)");
                }
                if (expectedVersion < 0 || expectedVersion > 0 && aggregate.version() != expectedVersion + 1) {
                    throw new IllegalArgumentException(type + " " + aggregate.id() + " has version " + aggregate.version()
                            + " but saving over version " + expectedVersion + " needs version " + (expectedVersion + 1));
                }
                String key = aggregate.id().asString();
                T stored = table.rows.get(key);
                if (expectedVersion == 0 && stored != null) {
                    throw new ConflictException(type, aggregate.id(), stored.version(), type + " " + aggregate.id() + " already exists");
                }
                if (expectedVersion > 0) {
                    if (stored == null) {
                        throw new NotFoundException(type, aggregate.id());
                    }
                    if (stored.version() != expectedVersion) {
                        throw ConflictException.staleVersion(type, aggregate.id(), expectedVersion, stored.version());
                    }
                }
                for (AggregateType.UniqueKey<T> unique : table.type.uniqueKeys()) {
                    String value = unique.of(aggregate);
                    if (value == null) {
                        continue;
                    }
                    for (T other : table.rows.values()) {
                        if (!other.id().equals(aggregate.id()) && value.equals(unique.of(other))) {
                            throw new ConflictException(type, aggregate.id(), null, type + "." + unique.field() + " " + value
                                    + " is already used by " + type + " " + other.id());
                        }
                    }
                }
                for (AggregateType.Reference<T> ref : table.type.references()) {
                    Id target = ref.of(aggregate);
                    if (target != null && !tableOf(ref.target()).rows.containsKey(target.asString())) {
                        throw new NotFoundException(ref.target().key(), target);
                    }
                }
                put(table.rows, key, aggregate);
            }

            @Override
            public void delete(I id, long expectedVersion) {
                Objects.requireNonNull(id, "id");
                checkWritable();
                String type = table.key();
                T stored = table.rows.get(id.asString());
                if (stored == null) {
                    throw new NotFoundException(type, id);
                }
                if (stored.version() != expectedVersion) {
                    throw ConflictException.staleVersion(type, id, expectedVersion, stored.version());
                }
                for (Table<?, ?, ?> other : table.referencedBy) {
                    String field = other.fieldReferencing(table.type, id.asString());
                    if (field != null) {
                        throw new ConflictException(type, id, stored.version(),
                                type + " " + id + " is still referenced by a " + other.key() + " (" + field + ") and cannot be deleted");
                    }
                }
                remove(table.rows, id.asString());
            }

            @Override
            public Page<T> query(F filter, PageRequest page) {
                Objects.requireNonNull(filter, "filter");
                checkOpen();
                return pageOf(table.rows, page, t -> table.type.matches(filter, t), Aggregate::id);
            }

            @Override
            public long count(F filter) {
                Objects.requireNonNull(filter, "filter");
                checkOpen();
                return table.rows.values().stream().filter(t -> table.type.matches(filter, t)).count();
            }

            @Override
            public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                Objects.requireNonNull(terms, "terms");
                Objects.requireNonNull(reader, "reader");
                checkOpen();
                return pageOf(table.rows, page, t -> terms.matches(table.type.searchableText(t, reader)), Aggregate::id);
            }
        }
    }

    /** Keyset page over a sorted map: rows strictly after the cursor, filtered, at most limit of them. */
    private static <T> Page<T> pageOf(TreeMap<String, T> rows, PageRequest page, java.util.function.Predicate<T> keep,
            Function<T, ? extends Id> idOf) {
        Objects.requireNonNull(page, "page");
        Map<String, T> tail = page.after() == null ? rows : rows.tailMap(page.after(), false);
        List<T> hits = new ArrayList<>(Math.min(page.limit() + 1, 64));
        for (T row : tail.values()) {
            if (keep.test(row)) {
                hits.add(row);
                if (hits.size() > page.limit()) {
                    break;
                }
            }
        }
        return Page.of(hits, page.limit(), idOf);
    }
}
