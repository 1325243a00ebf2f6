package org.sectorcrm.tck.mutants;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.type.AggregateType;

/**
 * Broken stores of {@code CrmStorage.find(type, id)}, the no-transaction read a cache answers: "exactly
 * {@code read(tx -> tx.store(type).find(id))}". Each breaks it for one type, the way a cache in front of a store does.
 */
final class RedTeamFinds {
    private RedTeamFinds() {
    }

    /** A cache that is never told of writes: after an update or a delete it answers with the record it read first. */
    static final class FindCachesForever<I extends Id, T extends Aggregate<I>, F> extends ForwardingCrmStorage {
        private final AggregateType<I, T, F> broken;
        private final Map<String, Optional<?>> cache = new ConcurrentHashMap<>();

        FindCachesForever(AggregateType<I, T, F> broken) {
            super(new InMemoryCrmStorage());
            this.broken = broken;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <J extends Id, U extends Aggregate<J>, G> Optional<U> find(AggregateType<J, U, G> type, J id) {
            if (type != broken) {
                return super.find(type, id);
            }
            return (Optional<U>) cache.computeIfAbsent(id.asString(), k -> super.find(type, id));
        }
    }

    /**
     * A cache told of commits but not of rollbacks: what find read inside a write transaction (that transaction's own,
     * uncommitted write) is kept, and a commit of the same record replaces it, a rollback never does.
     */
    static final class FindKeepsUncommittedReads<I extends Id, T extends Aggregate<I>, F> extends ForwardingCrmStorage {
        private final AggregateType<I, T, F> broken;
        private final Map<String, Optional<?>> readInTransactions = new ConcurrentHashMap<>();
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

        FindKeepsUncommittedReads(AggregateType<I, T, F> broken) {
            super(new InMemoryCrmStorage());
            this.broken = broken;
        }

        @Override
        public <R> R inTransaction(org.sectorcrm.core.spi.TransactionWork<R> work) {
            depth.set(depth.get() + 1);
            try {
                R result = super.inTransaction(work);
                if (depth.get() == 1) {
                    readInTransactions.clear();
                }
                return result;
            } finally {
                depth.set(depth.get() - 1);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <J extends Id, U extends Aggregate<J>, G> Optional<U> find(AggregateType<J, U, G> type, J id) {
            if (type != broken) {
                return super.find(type, id);
            }
            Optional<?> kept = readInTransactions.get(id.asString());
            if (kept != null && depth.get() == 0) {
                return (Optional<U>) kept;
            }
            Optional<U> found = super.find(type, id);
            if (depth.get() > 0) {
                readInTransactions.put(id.asString(), found);
            }
            return found;
        }
    }
}
