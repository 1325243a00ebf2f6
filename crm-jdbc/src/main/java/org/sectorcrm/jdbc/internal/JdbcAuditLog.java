package org.sectorcrm.jdbc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.spi.AuditLog;

/** The audit trail in {@code crm_audit}: insert-only. */
final class JdbcAuditLog implements AuditLog {
    private final JdbcTransaction tx;

    JdbcAuditLog(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        if (entry == null) {
            throw ValidationException.of("audit", "entry", "is required");
        }
        TxState s = tx.writable();
        SqlDialect d = s.dialect();
        Sql insert = new Sql(INSERT.apply(d), args(s, entry).toArray(org.jdbi.v3.core.argument.Argument[]::new));
        s.write(() -> s.update(insert), e -> {
            java.sql.SQLException sql = TxState.sqlCause(e);
            if (sql != null && d.classify(sql) == Violation.UNIQUE) {
                return new ConflictException("audit", entry.id().asString(), null, "audit entry " + entry.id() + " is already logged");
            }
            return s.failure("appending audit entry " + entry.id(), e);
        });
    }

    /**
     * One JDBC batch under one savepoint; when it fails, undone and appended one by one, so that the exception names
     * the entry like {@link #append} does.
     */
    @Override
    public void appendAll(List<AuditEntry> entries) {
        if (entries == null || entries.stream().anyMatch(java.util.Objects::isNull)) {
            throw ValidationException.of("audit", "entry", "is required");
        }
        if (entries.size() < 2) {
            entries.forEach(this::append);
            return;
        }
        TxState s = tx.writable();
        List<List<org.jdbi.v3.core.argument.Argument>> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            rows.add(args(s, entry));
        }
        java.sql.Savepoint sp = s.savepoint();
        try {
            s.batch(INSERT.apply(s.dialect()), rows);
        } catch (JdbiException e) {
            if (s.rollbackOnly()) {
                throw s.failure("appending " + entries.size() + " audit entries", e);
            }
            s.rollbackTo(sp, e);
            entries.forEach(this::append);
        }
        s.release(sp);
    }

    private static final java.util.function.Function<SqlDialect, String> INSERT = d -> "INSERT INTO crm_audit (id, at, actor_id, partner_id, action, "
            + "record_type, record_id, doc) VALUES (" + d.param(ColumnType.UUID) + ", " + d.param(ColumnType.INSTANT) + ", " + d.param(ColumnType.UUID)
            + ", " + d.param(ColumnType.UUID) + ", ?, ?, ?, " + d.param(ColumnType.JSON) + ")";

    private static List<org.jdbi.v3.core.argument.Argument> args(TxState s, AuditEntry entry) {
        SqlDialect d = s.dialect();
        return List.of(d.arg(ColumnType.UUID, Tables.uuid(entry.id())), d.arg(ColumnType.INSTANT, entry.at()), d.arg(ColumnType.UUID, Tables.uuid(entry.actor())),
                d.arg(ColumnType.UUID, Tables.uuid(entry.partner())), d.arg(ColumnType.TEXT, entry.action()), d.arg(ColumnType.TEXT, entry.recordType()),
                d.arg(ColumnType.TEXT, entry.recordId()), d.arg(ColumnType.JSON, s.documents().write(entry)));
    }

    /**
     * The timestamps of PostgreSQL and MariaDB keep microseconds while an Instant has nanoseconds, so SQL
     * selects a superset (bounds widened to whole microseconds) and {@link AuditFilter#matches} decides
     * exactly, reading further rows until the page is full.
     */
    @Override
    public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
        if (filter == null || page == null) {
            throw ValidationException.of("audit", filter == null ? "filter" : "page", "is required");
        }
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        List<AuditEntry> found = new ArrayList<>();
        String after = page.after();
        int want = page.limit() + 1;
        while (found.size() < want) {
            Conditions c = new Conditions(d)
                    .eq("record_type", ColumnType.TEXT, filter.recordType())
                    .eq("record_id", ColumnType.TEXT, filter.recordId())
                    .eq("actor_id", ColumnType.UUID, Tables.uuid(filter.actor()))
                    .eq("action", ColumnType.TEXT, filter.action());
            if (filter.from() != null) {
                c.and("t.at >= " + d.param(ColumnType.INSTANT), d.arg(ColumnType.INSTANT, Conditions.floorMicros(filter.from())));
            }
            if (filter.to() != null) {
                c.and("t.at <= " + d.param(ColumnType.INSTANT), d.arg(ColumnType.INSTANT, ceilMicros(filter.to())));
            }
            if (after != null) {
                Cursors.Bound bound = Cursors.afterUuid(after);
                if (bound.isNone()) {
                    break;
                }
                c.and("t.id " + (bound.inclusive() ? ">= " : "> ") + d.param(ColumnType.UUID), d.arg(ColumnType.UUID, bound.value()));
            }
            int batch = Math.max(want - found.size(), 50);
            Sql sql = c.appendTo(new Sql("SELECT t.doc FROM crm_audit t")).add(" ORDER BY t.id LIMIT " + d.param(ColumnType.LONG), d.arg(ColumnType.LONG, batch));
            List<String> docs;
            try {
                docs = s.query(sql, (rs, ctx) -> rs.getString(1));
            } catch (JdbiException e) {
                throw s.failure("querying the audit log", e);
            }
            for (String doc : docs) {
                AuditEntry entry = s.documents().read(doc, AuditEntry.class);
                after = entry.id().asString();
                if (filter.matches(entry) && found.size() < want) {
                    found.add(entry);
                }
            }
            if (docs.size() < batch) {
                break;
            }
        }
        return Page.of(found, page.limit(), AuditEntry::id);
    }

    static Instant ceilMicros(Instant i) {
        int rest = i.getNano() % 1000;
        return rest == 0 ? i : i.plusNanos(1000 - rest);
    }
}
