package org.sectorcrm.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.spi.EventLog;

/**
 * The outbox in {@code crm_outbox}. Appends are buffered by the transaction and inserted just before
 * it commits, under the dialect's outbox lock (see {@link SqlDialect#lockOutbox}), so that sequences
 * become visible in increasing order and a consumer's cursor never skips an event.
 */
final class JdbcEventLog implements EventLog {
    private final JdbcTransaction tx;

    JdbcEventLog(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(DomainEvent event) {
        if (event == null) {
            throw ValidationException.of("event", "event", "is required");
        }
        tx.writable().append(event);
    }

    @Override
    public List<StoredEvent> after(long afterSequence, int limit) {
        if (limit < 1) {
            throw ValidationException.of("events", "limit", "must be at least 1 but was " + limit);
        }
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        Sql sql = new Sql("SELECT seq, event_type, doc FROM crm_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
                d.arg(ColumnType.LONG, afterSequence), d.arg(ColumnType.LONG, limit));
        try {
            return s.query(sql, (rs, ctx) -> new StoredEvent(rs.getLong(1), s.documents().read(rs.getString(3), typeOf(rs.getString(2)))));
        } catch (JdbiException e) {
            throw s.failure("reading the outbox", e);
        }
    }

    static void insert(TxState s, List<DomainEvent> events) {
        SqlDialect d = s.dialect();
        List<List<Argument>> rows = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            rows.add(List.of(d.arg(ColumnType.UUID, e.eventId()), d.arg(ColumnType.INSTANT, e.at()), d.arg(ColumnType.TEXT, e.getClass().getSimpleName()),
                    d.arg(ColumnType.TEXT, e.recordType().key()), d.arg(ColumnType.TEXT, e.recordId()), d.arg(ColumnType.JSON, s.documents().write(e))));
        }
        s.batch("INSERT INTO crm_outbox (event_id, occurred_at, event_type, record_type, record_id, doc) VALUES (" + d.param(ColumnType.UUID) + ", "
                + d.param(ColumnType.INSTANT) + ", ?, ?, ?, " + d.param(ColumnType.JSON) + ")", rows);
    }

    static RuntimeException failure(TxState s, JdbiException e) {
        SQLException sql = TxState.sqlCause(e);
        if (sql != null && s.dialect().classify(sql) == Violation.UNIQUE) {
            return new ConflictException("event", null, null, "an event id is already in the outbox: " + sql.getMessage() + "; nothing was committed");
        }
        if (sql != null && s.dialect().classify(sql) == Violation.TRANSIENT) {
            return new ConflictException("event", null, null, "the outbox append collided with a concurrent transaction (" + sql.getMessage()
                    + "); nothing was committed: retry");
        }
        return s.failure("appending to the outbox", e);
    }

    private static Class<? extends DomainEvent> typeOf(String eventType) {
        return switch (eventType) {
            case "Created" -> DomainEvent.Created.class;
            case "Changed" -> DomainEvent.Changed.class;
            case "StatusChanged" -> DomainEvent.StatusChanged.class;
            case "Deleted" -> DomainEvent.Deleted.class;
            default -> throw new org.sectorcrm.core.StorageException("the outbox holds an event of unknown type '" + eventType + "'");
        };
    }
}
