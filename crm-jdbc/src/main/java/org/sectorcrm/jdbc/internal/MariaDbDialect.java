package org.sectorcrm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jdbi.v3.core.Handle;
import org.sectorcrm.jdbc.Dialect;

import com.zaxxer.hikari.HikariConfig;

/**
 * MariaDB (InnoDB): ids as CHAR(36) ascii_bin, DATETIME(6) in UTC, JSON documents.
 * Transactions run at READ COMMITTED: InnoDB's REPEATABLE READ takes gap locks on the child-table
 * deletes and inserts of concurrent saves and deadlocks on them; optimistic locking does not need it
 * (an UPDATE ... WHERE version = ? always reads the latest committed row).
 */
final class MariaDbDialect extends SqlDialect {
    private final String schema;

    MariaDbDialect(String schema) {
        super(schema == null ? "" : "`" + schema + "`.");
        this.schema = schema;
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public void bind(PreparedStatement ps, int pos, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(pos, switch (type) {
                case INSTANT -> Types.TIMESTAMP;
                case DATE -> Types.DATE;
                case BOOLEAN -> Types.BOOLEAN;
                case LONG -> Types.BIGINT;
                case DECIMAL -> Types.DECIMAL;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case UUID, CODE, TEXT, JSON -> ps.setString(pos, value.toString());
            case INSTANT -> ps.setObject(pos, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case DATE -> ps.setObject(pos, (LocalDate) value);
            case BOOLEAN -> ps.setBoolean(pos, (Boolean) value);
            case LONG -> ps.setLong(pos, ((Number) value).longValue());
            case DECIMAL -> ps.setBigDecimal(pos, (BigDecimal) value);
        }
    }

    @Override
    public Violation classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1062, 1586, 1557 -> Violation.UNIQUE;
            case 1451, 1452, 1216, 1217 -> Violation.FOREIGN_KEY;
            case 1213, 1205, 1020 -> Violation.TRANSIENT;
            default -> "40001".equals(e.getSQLState()) ? Violation.TRANSIENT : Violation.OTHER;
        };
    }

    @Override
    public boolean abortsTransaction(SQLException e) {
        // InnoDB resolves a deadlock by rolling back the victim's whole transaction, its savepoints gone.
        // A lock-wait timeout (1205) rolls back only the statement (innodb_rollback_on_timeout is OFF by
        // default), and the savepoint of the write then undoes the rest of the save.
        return e.getErrorCode() == 1213;
    }

    @Override
    public void configurePool(HikariConfig config, Duration busyTimeout) {
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }

    @Override
    public void afterBegin(Connection connection, boolean borrowed) throws SQLException {
        if (borrowed) {
            // Applies to the transaction about to start only, so the caller's connection keeps its own default.
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        }
    }

    @Override
    public boolean savepointPerWrite() {
        // InnoDB rolls back just the failed statement, not what the save ran before it: a lock-wait timeout
        // on a save's child rows would leave its main row updated. A savepoint makes a failed save change
        // nothing, so a caller that catches the conflict and goes on commits no half-save.
        return true;
    }

    @Override
    public void lockOutbox(Handle handle) {
        // Why: AUTO_INCREMENT values are taken at insert time but become visible at commit, so concurrent
        // transactions could commit 8 before 7 and a consumer remembering 8 would never read 7. Locking the
        // one row of crm_outbox_lock until commit (the store appends the outbox just before committing)
        // makes every later append wait for this commit: sequence order is commit order.
        handle.createQuery(sql("SELECT id FROM crm_outbox_lock WHERE id = 1 FOR UPDATE")).map((rs, ctx) -> 1).list();
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier + '`';
    }
}
