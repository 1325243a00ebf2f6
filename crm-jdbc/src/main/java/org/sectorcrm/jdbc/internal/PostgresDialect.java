package org.sectorcrm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jdbi.v3.core.Handle;
import org.sectorcrm.jdbc.Dialect;

import com.zaxxer.hikari.HikariConfig;

/** PostgreSQL: uuid, timestamptz, date, numeric and json columns. */
final class PostgresDialect extends SqlDialect {
    /** The namespace of the store's advisory locks ("SECTORCR" in ASCII, xor'ed with a schema hash). */
    static final long LOCK_NAMESPACE = 0x5345_4354_4F52_4352L;
    private static final long OUTBOX_LOCK = 1;

    private final String schema;

    PostgresDialect(String schema) {
        super(schema == null ? "" : "\"" + schema + "\".");
        this.schema = schema;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public String param(ColumnType type) {
        return switch (type) {
            case JSON -> "CAST(? AS json)";
            default -> "?";
        };
    }

    @Override
    public void bind(PreparedStatement ps, int pos, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(pos, switch (type) {
                case UUID -> Types.OTHER;
                case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
                case DATE -> Types.DATE;
                case BOOLEAN -> Types.BOOLEAN;
                case LONG -> Types.BIGINT;
                case DECIMAL -> Types.NUMERIC;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case UUID -> ps.setObject(pos, value instanceof UUID u ? u : UUID.fromString(value.toString()));
            case CODE, TEXT, JSON -> ps.setString(pos, value.toString());
            case INSTANT -> ps.setObject(pos, ((Instant) value).atOffset(ZoneOffset.UTC));
            case DATE -> ps.setObject(pos, (LocalDate) value);
            case BOOLEAN -> ps.setBoolean(pos, (Boolean) value);
            case LONG -> ps.setLong(pos, ((Number) value).longValue());
            case DECIMAL -> ps.setBigDecimal(pos, (BigDecimal) value);
        }
    }

    @Override
    public String idFromText(String expression, ColumnType idType) {
        // uuid columns do not compare with text; the cast sits on the index side, so id indexes still serve the join.
        return idType == ColumnType.UUID ? "CAST(" + expression + " AS uuid)" : expression;
    }

    @Override
    public Violation classify(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "23505" -> Violation.UNIQUE;
            case "23503" -> Violation.FOREIGN_KEY;
            case "40001", "40P01", "55P03" -> Violation.TRANSIENT;
            default -> Violation.OTHER;
        };
    }

    @Override
    public void configurePool(HikariConfig config, Duration busyTimeout) {
        // One round trip for a batch of child rows.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }

    @Override
    public boolean savepointPerWrite() {
        // A failed statement aborts the whole PostgreSQL transaction; a savepoint keeps it usable after a
        // conflict the caller catches (e.g. an import that falls back to an update).
        return true;
    }

    @Override
    public void lockOutbox(Handle handle) {
        // Why: identity values are taken when a row is inserted, but become visible when the transaction
        // commits. Two concurrent transactions could take 7 and 8 and commit 8 first; a consumer reading
        // then would remember 8 and never see 7. Holding this transaction-scoped lock from the first
        // outbox insert until commit (the store appends the outbox just before committing, so the wait
        // is short) makes every later append wait for this commit: sequence order is commit order.
        handle.createQuery("SELECT pg_advisory_xact_lock(?)").bind(0, lockKey(OUTBOX_LOCK)).map((rs, ctx) -> 1).list();
    }

    /** A lock key per schema, so that stores in different schemas of one database never wait for each other. */
    long lockKey(long purpose) {
        String scope = schema == null ? "" : schema;
        return LOCK_NAMESPACE ^ ((long) scope.hashCode() << 8) ^ purpose;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
