package org.sectorcrm.jdbc.internal;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;

/**
 * What one {@code inTransaction}/{@code read} call hands to its work: the stores over the shared
 * {@link TxState}. A nested call gets its own view (with its own read-only flag), so that a view
 * refuses use once its own work has returned.
 */
public final class JdbcTransaction implements StorageTransaction {
    private final TxState state;
    private final boolean readOnly;
    private volatile boolean finished;

    JdbcTransaction(TxState state, boolean readOnly) {
        this.state = state;
        this.readOnly = readOnly;
    }

    void finish() {
        finished = true;
    }

    /** The state to run statements on; refuses use after the work returned. */
    TxState state() {
        if (finished) {
            throw new IllegalStateException("this StorageTransaction was used after its work returned; use it only inside the work it was passed to");
        }
        return state;
    }

    /** The state, for a write; refuses writes in {@code CrmStorage.read}. */
    TxState writable() {
        TxState s = state();
        if (readOnly) {
            throw new IllegalStateException("a write inside CrmStorage.read: use inTransaction for work that writes");
        }
        return s;
    }

    /** The one generic store over the type's {@link Table} layout; a type without a layout is refused ({@link Tables#of}). */
    @Override
    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
        return new JdbcAggregateStore<>(this, Tables.of(type));
    }

    /** The report queries in SQL, over this transaction (its own writes included). */
    @Override
    public ReportQueries reports() {
        return new JdbcReportQueries(this);
    }

    @Override
    public AuditLog audit() {
        return new JdbcAuditLog(this);
    }

    @Override
    public EventLog events() {
        return new JdbcEventLog(this);
    }
}
