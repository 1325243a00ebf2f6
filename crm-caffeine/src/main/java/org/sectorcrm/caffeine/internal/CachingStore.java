package org.sectorcrm.caffeine.internal;

import java.util.Objects;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.type.AggregateType;

/**
 * The store of one type in a {@link CachingTransaction}, for every type alike: {@code find} may come from the cache,
 * writes are recorded for invalidation, and query, count and search go to the delegate (they must see the
 * transaction's own writes, which the cache never holds).
 */
final class CachingStore<I extends Id, T extends Aggregate<I>, F> extends ForwardingAggregateStore<I, T, F> {
    private final CachingTransaction tx;
    private final AggregateType<I, T, F> type;

    CachingStore(CachingTransaction tx, AggregateType<I, T, F> type, AggregateStore<I, T, F> delegate) {
        super(Objects.requireNonNull(delegate, "the delegate transaction returned a null store"));
        this.tx = tx;
        this.type = type;
    }

    /** The type asked for, which is also the type of the cache keys: the delegate's store must hold the same. */
    @Override
    public AggregateType<I, T, F> type() {
        return type;
    }

    @Override
    public Optional<T> find(I id) {
        Objects.requireNonNull(id, "id");
        return tx.find(type, delegate(), id);
    }

    @Override
    public void save(T aggregate, long expectedVersion) {
        Objects.requireNonNull(aggregate, "aggregate");
        tx.writing(type, aggregate.id());
        super.save(aggregate, expectedVersion);
    }

    /** Every id of the batch is recorded for invalidation, then the batch goes to the delegate whole (its bulk path). */
    @Override
    public void saveAll(java.util.List<Save<T>> saves) {
        Objects.requireNonNull(saves, "saves");
        for (Save<T> save : saves) {
            Objects.requireNonNull(save, "save");
            tx.writing(type, save.aggregate().id());
        }
        super.delegate().saveAll(saves);
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        tx.writing(type, id);
        super.delete(id, expectedVersion);
    }

    @Override
    public Page<T> query(F filter, PageRequest page) {
        tx.checkOpen();
        return super.query(filter, page);
    }

    @Override
    public long count(F filter) {
        tx.checkOpen();
        return super.count(filter);
    }

    @Override
    public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
        tx.checkOpen();
        return super.search(terms, reader, page);
    }
}
