package org.sectorcrm.tck.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.ReadOnlyStorageTransaction;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Mutants written from the transaction half of the SPI's Javadoc ({@code CrmStorage}'s transactions, nested units and
 * read-only work, {@code AuditLog}, {@code EventLog}, the typed accessors, the forwarding decorators), one broken
 * sentence each. {@link RedTeamMutants} lists them.
 */
final class RedTeamUnits {
    private RedTeamUnits() {
    }

    /** A storage whose audit log is replaced; everything else is the in-memory reference. */
    abstract static class BreaksAudit extends ForwardingCrmStorage {
        BreaksAudit() {
            super(new InMemoryCrmStorage());
        }

        abstract void append(AuditLog log, AuditEntry entry);

        void appendAll(AuditLog log, List<AuditEntry> entries) {
            entries.forEach(e -> append(log, e));
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public AuditLog audit() {
                    AuditLog log = base.audit();
                    return new AuditLog() {
                        @Override
                        public void append(AuditEntry entry) {
                            BreaksAudit.this.append(log, entry);
                        }

                        @Override
                        public void appendAll(List<AuditEntry> entries) {
                            BreaksAudit.this.appendAll(log, entries);
                        }

                        @Override
                        public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                            return log.query(filter, page);
                        }
                    };
                }
            };
        }
    }

    /** The field changes of an entry are not stored (a column missing from the audit table). */
    static final class AuditDropsChanges extends BreaksAudit {
        @Override
        void append(AuditLog log, AuditEntry e) {
            log.append(new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail()));
        }
    }

    /** appendAll skips entries whose id is logged instead of refusing them (a batched INSERT ... ON CONFLICT DO NOTHING). */
    static final class AuditBatchSkipsTakenIds extends BreaksAudit {
        @Override
        void append(AuditLog log, AuditEntry e) {
            log.append(e);
        }

        @Override
        void appendAll(AuditLog log, List<AuditEntry> entries) {
            for (AuditEntry e : entries) {
                try {
                    log.append(e);
                } catch (ConflictException taken) {
                    // skipped
                }
            }
        }
    }

    /** A storage whose event log is replaced. */
    abstract static class BreaksEvents extends ForwardingCrmStorage {
        BreaksEvents() {
            super(new InMemoryCrmStorage());
        }

        abstract EventLog breakLog(EventLog log);

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public EventLog events() {
                    return breakLog(base.events());
                }
            };
        }
    }

    /** appendAll writes its events last to first (a batch built by pushing onto a stack). */
    static final class EventBatchReversed extends BreaksEvents {
        @Override
        EventLog breakLog(EventLog log) {
            return new EventLog() {
                @Override
                public void append(DomainEvent event) {
                    log.append(event);
                }

                @Override
                public void appendAll(List<DomainEvent> events) {
                    List<DomainEvent> reversed = new ArrayList<>(events);
                    java.util.Collections.reverse(reversed);
                    reversed.forEach(log::append);
                }

                @Override
                public List<StoredEvent> after(long afterSequence, int limit) {
                    return log.after(afterSequence, limit);
                }
            };
        }
    }

    /** after returns one event more than the limit ({@code <=} in the loop). */
    static final class EventLimitPlusOne extends BreaksEvents {
        @Override
        EventLog breakLog(EventLog log) {
            return new EventLog() {
                @Override
                public void append(DomainEvent event) {
                    log.append(event);
                }

                @Override
                public List<StoredEvent> after(long afterSequence, int limit) {
                    return log.after(afterSequence, limit + 1);
                }
            };
        }
    }

    /** A read-only view of its own that refuses save and delete, and lets everything else through to the writable transaction. */
    abstract static class LeakyReadOnly extends ForwardingCrmStorage {
        LeakyReadOnly() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R read(TransactionWork<R> work) {
            return delegate.inTransaction(tx -> work.run(view(wrap(tx))));
        }

        abstract StorageTransaction view(StorageTransaction writable);
    }

    /** The read-only view overrides save and delete but forwards saveAll whole: a batch goes through in read(). */
    static final class ReadOnlySaveAllWrites extends LeakyReadOnly {
        @Override
        StorageTransaction view(StorageTransaction writable) {
            ReadOnlyStorageTransaction refusing = new ReadOnlyStorageTransaction(writable);
            return new ForwardingStorageTransaction(refusing) {
                @Override
                public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
                    AggregateStore<I, T, F> open = writable.store(type);
                    return new ForwardingAggregateStore<>(refusing.store(type)) {
                        @Override
                        public void saveAll(List<Save<T>> saves) {
                            open.saveAll(saves);
                        }
                    };
                }
            };
        }
    }

    /** The read-only view refuses audit append but forwards appendAll to the writable log. */
    static final class ReadOnlyAuditBatchWrites extends LeakyReadOnly {
        @Override
        StorageTransaction view(StorageTransaction writable) {
            ReadOnlyStorageTransaction refusing = new ReadOnlyStorageTransaction(writable);
            return new ForwardingStorageTransaction(refusing) {
                @Override
                public AuditLog audit() {
                    AuditLog closed = refusing.audit();
                    return new AuditLog() {
                        @Override
                        public void append(AuditEntry entry) {
                            closed.append(entry);
                        }

                        @Override
                        public void appendAll(List<AuditEntry> entries) {
                            writable.audit().appendAll(entries);
                        }

                        @Override
                        public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                            return closed.query(filter, page);
                        }
                    };
                }
            };
        }
    }

    /** One typed accessor, kept from SPI 1 code, hands out the writable store and bypasses the read-only view. */
    static final class TypedAccessorBypassesView extends LeakyReadOnly {
        @Override
        StorageTransaction view(StorageTransaction writable) {
            return new ForwardingStorageTransaction(new ReadOnlyStorageTransaction(writable)) {
                @Override
                public AggregateStore<org.sectorcrm.core.outcome.OutcomeId, org.sectorcrm.core.outcome.OutcomeMeasure,
                        org.sectorcrm.core.outcome.OutcomeFilter> outcomes() {
                    return writable.store(AggregateTypes.OUTCOME);
                }
            };
        }
    }

    /**
     * A nested unit that fails with a CrmException (a stale save, a taken key) dooms the whole transaction, as a
     * database without savepoints does: the outer call throws it even when the outer work caught it.
     */
    static final class NestedCrmFailureDooms extends ForwardingCrmStorage {
        private final ThreadLocal<CrmException[]> doomed = new ThreadLocal<>();

        NestedCrmFailureDooms() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            CrmException[] outer = doomed.get();
            if (outer != null) {
                try {
                    return delegate.inTransaction(tx -> work.run(wrap(tx)));
                } catch (CrmException e) {
                    outer[0] = e;
                    throw e;
                }
            }
            CrmException[] mine = new CrmException[1];
            doomed.set(mine);
            try {
                return delegate.inTransaction(tx -> {
                    R result = work.run(wrap(tx));
                    if (mine[0] != null) {
                        throw mine[0];
                    }
                    return result;
                });
            } finally {
                doomed.remove();
            }
        }
    }

    /** A failed nested unit's saves are undone but its deletes are not (deletes written outside the savepoint). */
    static final class NestedFailureKeepsDeletes extends ForwardingCrmStorage {
        private final ThreadLocal<StorageTransaction> outermost = new ThreadLocal<>();
        private final ThreadLocal<List<Runnable>> deletes = new ThreadLocal<>();

        NestedFailureKeepsDeletes() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            if (outermost.get() == null) {
                return delegate.inTransaction(tx -> {
                    outermost.set(tx);
                    try {
                        return work.run(wrap(tx));
                    } finally {
                        outermost.remove();
                    }
                });
            }
            List<Runnable> enclosing = deletes.get();
            List<Runnable> mine = new ArrayList<>();
            deletes.set(mine);
            try {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            } catch (RuntimeException e) {
                mine.forEach(Runnable::run);
                throw e;
            } finally {
                deletes.set(enclosing);
            }
        }

        @Override
        protected <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type, AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    store.delete(id, expectedVersion);
                    List<Runnable> pending = deletes.get();
                    StorageTransaction outer = outermost.get();
                    if (pending != null && outer != null) {
                        pending.add(() -> outer.store(type).find(id).ifPresent(r -> outer.store(type).delete(id, r.version())));
                    }
                }
            };
        }
    }

    /** A work's CrmException reaches the caller wrapped in a StorageException (one catch-all around the transaction). */
    static final class WrapsCrmExceptions extends ForwardingCrmStorage {
        WrapsCrmExceptions() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            try {
                return super.inTransaction(work);
            } catch (CrmException e) {
                throw e instanceof StorageException ? e : new StorageException("the transaction failed", e);
            }
        }
    }

    /** A cache of found records per storage that a write fills at once, and a rollback never empties (a decorator's write-through cache). */
    static final class CacheKeepsRolledBackWrites<I extends Id, T extends Aggregate<I>, F> extends ForwardingCrmStorage {
        private final AggregateType<I, T, F> cached;
        private final Map<String, Object> cache = new ConcurrentHashMap<>();

        CacheKeepsRolledBackWrites(AggregateType<I, T, F> cached) {
            super(new InMemoryCrmStorage());
            this.cached = cached;
        }

        @Override
        protected <J extends Id, U extends Aggregate<J>, G> AggregateStore<J, U, G> store(AggregateType<J, U, G> type, AggregateStore<J, U, G> store) {
            if (type != cached) {
                return store;
            }
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Optional<U> find(J id) {
                    Object hit = cache.get(id.asString());
                    return hit != null ? Optional.of(type.cast(hit)) : store.find(id);
                }

                @Override
                public void save(U u, long expectedVersion) {
                    store.save(u, expectedVersion);
                    cache.put(u.id().asString(), u);
                }

                @Override
                public void delete(J id, long expectedVersion) {
                    store.delete(id, expectedVersion);
                    cache.remove(id.asString());
                }
            };
        }
    }

    /**
     * A cache that fills on find and save and is emptied when a transaction fails, but whose store forwards saveAll
     * whole to the store it decorates: records a batch updates stay cached at their old version.
     */
    static final class CacheMissesBatches<I extends Id, T extends Aggregate<I>, F> extends ForwardingCrmStorage {
        private final AggregateType<I, T, F> cached;
        private final Map<String, Object> cache = new ConcurrentHashMap<>();

        CacheMissesBatches(AggregateType<I, T, F> cached) {
            super(new InMemoryCrmStorage());
            this.cached = cached;
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            try {
                return super.inTransaction(work);
            } catch (RuntimeException e) {
                cache.clear();
                throw e;
            }
        }

        @Override
        protected <J extends Id, U extends Aggregate<J>, G> AggregateStore<J, U, G> store(AggregateType<J, U, G> type, AggregateStore<J, U, G> store) {
            if (type != cached) {
                return store;
            }
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Optional<U> find(J id) {
                    Object hit = cache.get(id.asString());
                    if (hit != null) {
                        return Optional.of(type.cast(hit));
                    }
                    Optional<U> found = store.find(id);
                    found.ifPresent(u -> cache.put(id.asString(), u));
                    return found;
                }

                @Override
                public void save(U u, long expectedVersion) {
                    store.save(u, expectedVersion);
                    cache.put(u.id().asString(), u);
                }

                @Override
                public void saveAll(List<Save<U>> saves) {
                    store.saveAll(saves);
                }

                @Override
                public void delete(J id, long expectedVersion) {
                    store.delete(id, expectedVersion);
                    cache.remove(id.asString());
                }
            };
        }
    }
}
