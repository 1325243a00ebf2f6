package org.sectorcrm.caffeine;

import java.util.function.Predicate;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;

/**
 * A delegate whose storage fails: a save of an id {@link #failOn} accepts reaches the store, then throws
 * {@link StorageException} (a connection lost after the statement ran). It keeps the SPI 2 rule for such a failure
 * inside a nested unit, as a JDBC store does: the whole transaction rolls back and the outermost call throws
 * {@link StorageException}, even when the outer work caught the failure and returned.
 */
final class FailingStorage extends ForwardingStorage {
    /** Per thread while a transaction runs: whether a storage failure went through any of its units. */
    private final ThreadLocal<boolean[]> failed = new ThreadLocal<>();
    volatile Predicate<Id> failOn = id -> false;

    FailingStorage(CrmStorage target) {
        super(target);
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        boolean outermost = failed.get() == null;
        if (outermost) {
            failed.set(new boolean[1]);
        }
        try {
            return target.inTransaction(tx -> {
                R result;
                try {
                    result = work.run(new Failing(tx));
                } catch (StorageException e) {
                    failed.get()[0] = true;
                    throw e;
                }
                if (outermost && failed.get()[0]) {
                    throw new StorageException("a storage failure inside the transaction rolled all of it back");
                }
                return result;
            });
        } finally {
            if (outermost) {
                failed.remove();
            }
        }
    }

    private final class Failing extends ForwardingStorageTransaction {
        Failing(StorageTransaction delegate) {
            super(delegate);
        }

        @Override
        public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
            return new ForwardingAggregateStore<>(super.store(type)) {
                @Override
                public void save(T aggregate, long expectedVersion) {
                    super.save(aggregate, expectedVersion);
                    if (failOn.test(aggregate.id())) {
                        throw new StorageException("connection lost after saving " + type.key() + " " + aggregate.id());
                    }
                }
            };
        }
    }
}
