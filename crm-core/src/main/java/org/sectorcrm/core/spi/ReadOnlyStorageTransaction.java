package org.sectorcrm.core.spi;

import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.type.AggregateType;

/**
 * A view of a transaction that refuses every write with {@link IllegalStateException}: what
 * {@link CrmStorage#read}'s default hands out, so that a storage which does not implement read-only transactions
 * itself still keeps the contract.
 *
 * @since 2
 */
public final class ReadOnlyStorageTransaction extends ForwardingStorageTransaction {

    public ReadOnlyStorageTransaction(StorageTransaction delegate) {
        super(delegate);
    }

    static IllegalStateException refused() {
        return new IllegalStateException("this is a read-only transaction");
    }

    @Override
    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
        return new ForwardingAggregateStore<>(delegate().store(type)) {
            @Override
            public void save(T aggregate, long expectedVersion) {
                throw refused();
            }

            @Override
            public void delete(I id, long expectedVersion) {
                throw refused();
            }
        };
    }

    @Override
    public AuditLog audit() {
        AuditLog d = delegate().audit();
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                throw refused();
            }

            @Override
            public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                return d.query(filter, page);
            }
        };
    }

    @Override
    public EventLog events() {
        EventLog d = delegate().events();
        return new EventLog() {
            @Override
            public void append(DomainEvent event) {
                throw refused();
            }

            @Override
            public List<StoredEvent> after(long afterSequence, int limit) {
                return d.after(afterSequence, limit);
            }
        };
    }
}
