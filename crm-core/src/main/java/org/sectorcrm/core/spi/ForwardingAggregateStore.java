package org.sectorcrm.core.spi;

import java.util.Objects;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.type.AggregateType;

/**
 * A store that hands every call to another: the base of store decorators, with
 * {@link ForwardingStorageTransaction}. {@link #saveAll} is deliberately not forwarded: the interface's default calls
 * {@link #save} for each aggregate, so a decorator that overrides {@code save} (a read-only view, a check) sees every
 * write of a batch too. A decorator that only observes writes may override {@code saveAll} to hand the batch on whole;
 * one that keeps state of its own (a cache of found records) must not, or it misses every write of a batch.
 *
 * @since 2
 */
public class ForwardingAggregateStore<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
    private final AggregateStore<I, T, F> delegate;

    public ForwardingAggregateStore(AggregateStore<I, T, F> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected AggregateStore<I, T, F> delegate() {
        return delegate;
    }

    @Override
    public AggregateType<I, T, F> type() {
        return delegate.type();
    }

    @Override
    public Optional<T> find(I id) {
        return delegate.find(id);
    }

    @Override
    public void save(T aggregate, long expectedVersion) {
        delegate.save(aggregate, expectedVersion);
    }

    @Override
    public void delete(I id, long expectedVersion) {
        delegate.delete(id, expectedVersion);
    }

    @Override
    public Page<T> query(F filter, PageRequest page) {
        return delegate.query(filter, page);
    }

    @Override
    public long count(F filter) {
        return delegate.count(filter);
    }

    @Override
    public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
        return delegate.search(terms, reader, page);
    }
}
