package org.sectorcrm.caffeine.internal;

import java.util.Objects;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.spi.AggregateStore;

/** One aggregate store of a {@link CachingTransaction}: {@code find} may come from the cache, the rest goes to the delegate. */
class CachingStore<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
    final CachingTransaction tx;
    final AggregateStore<I, T, F> delegate;

    CachingStore(CachingTransaction tx, AggregateStore<I, T, F> delegate) {
        this.tx = tx;
        this.delegate = Objects.requireNonNull(delegate, "the delegate transaction returned a null store");
    }

    @Override
    public Optional<T> find(I id) {
        return tx.find(delegate, id);
    }

    @Override
    public void save(T aggregate, long expectedVersion) {
        Objects.requireNonNull(aggregate, "aggregate");
        tx.writing(aggregate.id());
        delegate.save(aggregate, expectedVersion);
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        tx.writing(id);
        delegate.delete(id, expectedVersion);
    }

    @Override
    public Page<T> query(F filter, PageRequest page) {
        tx.checkOpen();
        return delegate.query(filter, page);
    }

    @Override
    public long count(F filter) {
        tx.checkOpen();
        return delegate.count(filter);
    }
}
