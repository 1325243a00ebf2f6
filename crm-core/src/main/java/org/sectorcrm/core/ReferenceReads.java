package org.sectorcrm.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * A batch's view of its transaction in which the reference data the checks read (regions, sectors, partners, staff
 * users) is read once per batch: a thousand employers of one region look the region up once, and the sector list the
 * NAICS derivation needs is read once. Employers are read once per batch too when the batch writes another type: a
 * batch of contacts checks each contact's employer exists, and the three contacts an employer has on average found it
 * (a SELECT and a JSON decode) three times. The type the batch writes is never memoised, and a write through a
 * memoised store forgets what it remembered. (What another transaction changes meanwhile is caught where it matters
 * by the database: a contact's row names its employer's by a foreign key.)
 */
final class ReferenceReads extends ForwardingStorageTransaction {
    private static final Set<AggregateType<?, ?, ?>> REFERENCE = Set.of(AggregateTypes.REGION, AggregateTypes.SECTOR, AggregateTypes.PARTNER,
            AggregateTypes.STAFF_USER, AggregateTypes.EMPLOYER);
    private final AggregateType<?, ?, ?> written;
    private final Map<AggregateType<?, ?, ?>, AggregateStore<?, ?, ?>> stores = new HashMap<>();

    ReferenceReads(StorageTransaction delegate, AggregateType<?, ?, ?> written) {
        super(delegate);
        this.written = written;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
        if (!REFERENCE.contains(type) || type.equals(written)) {
            return super.store(type);
        }
        return (AggregateStore<I, T, F>) stores.computeIfAbsent(type, t -> new Memo<>(super.store(type)));
    }

    /** Remembers finds and pages until a write. */
    private static final class Memo<I extends Id, T extends Aggregate<I>, F> extends ForwardingAggregateStore<I, T, F> {
        private final Map<I, Optional<T>> found = new HashMap<>();
        private final Map<List<Object>, Page<T>> pages = new HashMap<>();

        Memo(AggregateStore<I, T, F> delegate) {
            super(delegate);
        }

        @Override
        public Optional<T> find(I id) {
            Optional<T> hit = found.get(id);
            if (hit == null) {
                hit = super.find(id);
                found.put(id, hit);
            }
            return hit;
        }

        @Override
        public Page<T> query(F filter, PageRequest page) {
            List<Object> key = Arrays.asList(filter, page);
            Page<T> hit = pages.get(key);
            if (hit == null) {
                hit = super.query(filter, page);
                pages.put(key, hit);
            }
            return hit;
        }

        @Override
        public void save(T aggregate, long expectedVersion) {
            forget();
            super.save(aggregate, expectedVersion);
        }

        @Override
        public void delete(I id, long expectedVersion) {
            forget();
            super.delete(id, expectedVersion);
        }

        private void forget() {
            found.clear();
            pages.clear();
        }
    }
}
