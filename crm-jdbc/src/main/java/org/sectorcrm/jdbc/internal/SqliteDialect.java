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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jdbi.v3.core.Handle;
import org.sectorcrm.jdbc.Dialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import com.zaxxer.hikari.HikariConfig;

/**
 * SQLite: values as TEXT/INTEGER (tables are STRICT), one writer at a time. Write transactions start with BEGIN IMMEDIATE so that they take the write lock up front (and
 * wait for it up to the busy timeout) instead of failing with SQLITE_BUSY when a deferred transaction
 * tries to upgrade; within one process the store also serialises writers itself, so concurrent writers
 * there never see SQLITE_BUSY at all.
 */
final class SqliteDialect extends SqlDialect {
    /** Nine fraction digits and a fixed width: text order is time order, and Instants round-trip exactly. */
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    SqliteDialect() {
        super("");
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String schema() {
        return null;
    }

    @Override
    public void bind(PreparedStatement ps, int pos, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(pos, Types.NULL);
            return;
        }
        switch (type) {
            case UUID, CODE, TEXT, JSON -> ps.setString(pos, value.toString());
            case INSTANT -> ps.setString(pos, INSTANT.format((Instant) value));
            case DATE -> ps.setString(pos, ((LocalDate) value).toString());
            case BOOLEAN -> ps.setInt(pos, (Boolean) value ? 1 : 0);
            case LONG -> ps.setLong(pos, ((Number) value).longValue());
            case DECIMAL -> ps.setString(pos, ((BigDecimal) value).toPlainString());
        }
    }

    @Override
    public Violation classify(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            switch (code) {
                case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_ROWID:
                    return Violation.UNIQUE;
                case SQLITE_CONSTRAINT_FOREIGNKEY:
                    return Violation.FOREIGN_KEY;
                case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE:
                    return Violation.TRANSIENT;
                default:
                    break;
            }
        }
        // Without extended result codes the message still says which constraint failed.
        String message = String.valueOf(e.getMessage());
        if (message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY constraint failed")) {
            return Violation.UNIQUE;
        }
        if (message.contains("FOREIGN KEY constraint failed")) {
            return Violation.FOREIGN_KEY;
        }
        return Violation.OTHER;
    }

    @Override
    public void configurePool(HikariConfig config, Duration busyTimeout) {
        // sqlite-jdbc reads these from the connection properties and applies them to every connection.
        config.addDataSourceProperty(SQLiteConfig.Pragma.FOREIGN_KEYS.pragmaName, "true");
        config.addDataSourceProperty(SQLiteConfig.Pragma.JOURNAL_MODE.pragmaName, "WAL");
        config.addDataSourceProperty(SQLiteConfig.Pragma.SYNCHRONOUS.pragmaName, "NORMAL");
        config.addDataSourceProperty(SQLiteConfig.Pragma.BUSY_TIMEOUT.pragmaName, Long.toString(busyTimeout.toMillis()));
    }

    @Override
    public void prepareBorrowed(Connection connection, Duration busyTimeout) throws SQLException {
        // A caller's DataSource may not set these; foreign_keys only takes effect outside a transaction,
        // which is where this runs.
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            s.execute("PRAGMA synchronous = NORMAL");
        }
    }

    @Override
    public void beforeBegin(Connection connection, boolean readOnly) throws SQLException {
        SQLiteConnection sqlite = unwrap(connection);
        if (sqlite != null) {
            // The connection's configured mode is what setAutoCommit(false) begins with ("begin immediate;").
            sqlite.getConnectionConfig().setTransactionMode(readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
        }
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        // sqlite-jdbc begins the next transaction right after COMMIT; let that one be deferred, so that
        // an idle connection never holds the write lock.
        SQLiteConnection sqlite = unwrap(connection);
        if (sqlite != null) {
            sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
    }

    /**
     * The driver's connection behind a pool's proxy, or null when a caller's DataSource wraps it in something that
     * cannot be unwrapped: transactions then begin DEFERRED, still serialised in this process by the writer lock,
     * but a writer of another process can make one fail with SQLITE_BUSY_SNAPSHOT (a ConflictException: retry).
     */
    private static SQLiteConnection unwrap(Connection connection) throws SQLException {
        return connection.isWrapperFor(SQLiteConnection.class) ? connection.unwrap(SQLiteConnection.class) : null;
    }

    @Override
    public boolean savepointPerWrite() {
        // Savepoints cost no round trip here, and they make a failed save change nothing even when a
        // statement after the first one fails.
        return true;
    }

    @Override
    public void lockOutbox(Handle handle) {
        // One writer at a time: sequence order is commit order already.
    }

    @Override
    public boolean singleWriter() {
        return true;
    }

    @Override
    public String forUpdate() {
        // No row locks (and no FOR UPDATE): a write transaction holds the database's one write lock.
        return "";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
