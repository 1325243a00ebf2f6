package org.sectorcrm.tck.mutants;

import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;

/**
 * A storage that forwards everything to another one. A mutant overrides one hook to break one promise of the
 * contract; everything else stays as correct as the store it wraps. Built on the SPI's own forwarding transaction,
 * so a mutant of the store of one type needs no list of the others.
 */
class ForwardingCrmStorage implements CrmStorage {
    protected final CrmStorage delegate;

    ForwardingCrmStorage(CrmStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        return delegate.inTransaction(tx -> work.run(wrap(tx)));
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        return delegate.read(tx -> work.run(wrap(tx)));
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The transaction the work sees. */
    protected StorageTransaction wrap(StorageTransaction tx) {
        return new ForwardingStorageTransaction(tx) {
            @Override
            public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
                return ForwardingCrmStorage.this.store(type, tx.store(type));
            }
        };
    }

    /** The store of {@code type} the work sees: the hook most mutants override. */
    protected <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type, AggregateStore<I, T, F> store) {
        return store;
    }
}
