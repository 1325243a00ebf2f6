package org.sectorcrm.tck.mutants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.mutants.BrokenStores.BreaksOneType;

/**
 * Red-team mutants of kit 2.2, written from SPI sentences that the earlier sets did not break
 * (docs/kit-red-team.md): each wraps the in-memory store and breaks one sentence for one type.
 */
final class RedTeamSentences {
    private RedTeamSentences() {
    }

    /** "AggregateStore.type(): the type this store holds" → the store answers another type's descriptor. */
    static final class StoreNamesAnotherType<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        StoreNamesAnotherType(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            AggregateType<?, ?, ?> other = AggregateTypes.all().stream().filter(t -> t != broken).findFirst().orElseThrow();
            return new ForwardingAggregateStore<>(store) {
                @Override
                @SuppressWarnings("unchecked")
                public AggregateType<I, T, F> type() {
                    return (AggregateType<I, T, F>) other;
                }
            };
        }
    }

    /** "IllegalArgumentException when expectedVersion is negative" → a negative version is taken for 0 (an insert). */
    static final class NegativeVersionInserts<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        NegativeVersionInserts(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, Math.max(0, expectedVersion));
                }
            };
        }
    }

    /** "Two saves of one id in one batch are refused with IllegalArgumentException" → the last save of an id wins. */
    static final class BatchKeepsLastOfRepeatedId<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        BatchKeepsLastOfRepeatedId(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void saveAll(List<Save<T>> saves) {
                    Map<String, Save<T>> last = new LinkedHashMap<>();
                    saves.forEach(s -> last.put(s.aggregate().id().asString(), s));
                    store.saveAll(List.copyOf(last.values()));
                }
            };
        }
    }

    /**
     * "search: inside a transaction it sees that transaction's own writes" → search reads a committed index, so a
     * record saved in the running transaction is found only after the commit.
     */
    static final class SearchMissesOwnWrites<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final ThreadLocal<Set<String>> unindexed = ThreadLocal.withInitial(java.util.HashSet::new);
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

        SearchMissesOwnWrites(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            depth.set(depth.get() + 1);
            try {
                return super.inTransaction(work);
            } finally {
                depth.set(depth.get() - 1);
                if (depth.get() == 0) {
                    unindexed.get().clear();
                }
            }
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    unindexed.get().add(t.id().asString());
                }

                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    List<T> hits = BrokenStores.all(store).stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0)
                            .filter(t -> !unindexed.get().contains(t.id().asString()) && terms.matches(broken.searchableText(t, reader))).toList();
                    return BrokenStores.firstPage(hits, page);
                }
            };
        }
    }

    /** "close(): Idempotent" → a second close throws, as a pool that was shut down does. */
    static final class CloseTwiceThrows extends ForwardingCrmStorage {
        private final AtomicBoolean closed = new AtomicBoolean();

        CloseTwiceThrows() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                throw new IllegalStateException("the storage is already closed");
            }
            super.close();
        }
    }
}
