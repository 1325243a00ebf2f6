package org.sectorcrm.core.spi;

import java.util.Objects;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.type.AggregateType;

/**
 * A transaction that hands every call to another: the base of decorators (read-only views, caches, a vendor's
 * instrumentation, test doubles). Override {@link #store} to wrap the stores of every type at once; the typed
 * accessors are defaults over it, so a decorator never lists types.
 *
 * @since 2
 */
public class ForwardingStorageTransaction implements StorageTransaction {
    private final StorageTransaction delegate;

    public ForwardingStorageTransaction(StorageTransaction delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The transaction calls are handed to. */
    protected StorageTransaction delegate() {
        return delegate;
    }

    @Override
    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
        return delegate.store(type);
    }

    @Override
    public AuditLog audit() {
        return delegate.audit();
    }

    @Override
    public EventLog events() {
        return delegate.events();
    }

    /**
     * The delegate's report queries; a decorator that changes what the stores hold must override this too, best over a
     * {@link ForwardingReportQueries} that changes only the queries it must.
     */
    @Override
    public ReportQueries reports() {
        return delegate.reports();
    }
}
