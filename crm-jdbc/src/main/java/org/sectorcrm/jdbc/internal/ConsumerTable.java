package org.sectorcrm.jdbc.internal;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * The statements of {@code crm_consumer} (V007), one per step of {@code org.sectorcrm.jdbc.outbox.OutboxDispatcher}.
 * Each runs in the store's own transaction ({@link JdbcTransaction}), so it takes SQLite's writer lock and is
 * classified like every other write. Every step that changes a row names the lease owner in its WHERE clause: a node
 * whose lease ran out cannot move the cursor or record a failure over the node that holds the lease now.
 */
public final class ConsumerTable {
    private ConsumerTable() {
    }

    /** A row as stored; times in epoch milliseconds. */
    public record Row(String name, long cursor, String leaseOwner, long leaseUntil, int failures, long retryAt, String lastError, long updatedAt) {
    }

    private static TxState state(StorageTransaction tx) {
        if (!(tx instanceof JdbcTransaction j)) {
            throw new IllegalArgumentException("the consumer table needs a JdbcCrmStorage transaction, not " + tx.getClass().getName());
        }
        return j.state();
    }

    /** Adds the consumer at {@code cursor} unless it exists (then its row is left as it is). Returns whether it was added. */
    public static boolean register(StorageTransaction tx, String name, long cursor, long now) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        String columns = " crm_consumer (name, cursor_seq, lease_owner, lease_until, failures, retry_at, last_error, updated_at) VALUES (?, ?, NULL, 0, 0, 0, NULL, ?)";
        String sql = d instanceof PostgresDialect ? "INSERT INTO" + columns + " ON CONFLICT (name) DO NOTHING"
                : d instanceof MariaDbDialect ? "INSERT IGNORE INTO" + columns : "INSERT OR IGNORE INTO" + columns;
        return run(s, "registering consumer " + name, () -> s.update(new Sql(sql, text(d, name), lng(d, cursor), lng(d, now)))) == 1;
    }

    /** The sequence of the newest event in the outbox (0 when it is empty). */
    public static long lastSequence(StorageTransaction tx) {
        TxState s = state(tx);
        List<Long> max = run(s, "reading the outbox", () -> s.query(new Sql("SELECT MAX(seq) FROM crm_outbox"), (rs, ctx) -> rs.getLong(1)));
        return max.isEmpty() ? 0 : max.get(0);
    }

    public static Optional<Row> find(StorageTransaction tx, String name) {
        TxState s = state(tx);
        List<Row> rows = run(s, "reading consumer " + name, () -> s.query(new Sql("SELECT name, cursor_seq, lease_owner, lease_until, failures, retry_at,"
                + " last_error, updated_at FROM crm_consumer WHERE name = ?", text(s.dialect(), name)),
                (rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getLong(6), rs.getString(7),
                        rs.getLong(8))));
        return rows.stream().findFirst();
    }

    public static List<Row> all(StorageTransaction tx) {
        TxState s = state(tx);
        return run(s, "reading the consumers", () -> s.query(new Sql("SELECT name, cursor_seq, lease_owner, lease_until, failures, retry_at, last_error,"
                + " updated_at FROM crm_consumer ORDER BY name"),
                (rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getLong(6), rs.getString(7),
                        rs.getLong(8))));
    }

    /**
     * Takes (or renews) the lease for {@code owner} until {@code until}, if the consumer is not backing off and no other
     * node holds an unexpired lease. One conditional UPDATE: of two nodes racing for it, the database lets exactly one
     * match the WHERE clause (the other re-reads the committed row and matches nothing).
     */
    public static boolean lease(StorageTransaction tx, String name, String owner, long now, long until) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        return run(s, "leasing consumer " + name, () -> s.update(new Sql("UPDATE crm_consumer SET lease_owner = ?, lease_until = ?, updated_at = ?"
                + " WHERE name = ? AND retry_at <= ? AND (lease_owner IS NULL OR lease_until <= ? OR lease_owner = ?)", text(d, owner), lng(d, until),
                lng(d, now), text(d, name), lng(d, now), lng(d, now), text(d, owner)))) == 1;
    }

    /** Moves the cursor forward to {@code sequence} and renews the lease, if {@code owner} still holds it; clears the failures. */
    public static boolean advance(StorageTransaction tx, String name, String owner, long sequence, long now, long until) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        return run(s, "advancing consumer " + name, () -> s.update(new Sql("UPDATE crm_consumer SET cursor_seq = ?, failures = 0, retry_at = 0,"
                + " last_error = NULL, lease_until = ?, updated_at = ? WHERE name = ? AND lease_owner = ? AND lease_until > ? AND cursor_seq < ?",
                lng(d, sequence), lng(d, until), lng(d, now), text(d, name), text(d, owner), lng(d, now), lng(d, sequence)))) == 1;
    }

    /** Records a failed attempt (the cursor stays) and gives the lease up: any node may retry from {@code retryAt}. */
    public static boolean fail(StorageTransaction tx, String name, String owner, String error, long now, long retryAt) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        return run(s, "recording a failure of consumer " + name, () -> s.update(new Sql("UPDATE crm_consumer SET failures = failures + 1, retry_at = ?,"
                + " last_error = ?, lease_owner = NULL, lease_until = 0, updated_at = ? WHERE name = ? AND lease_owner = ?", lng(d, retryAt),
                text(d, error), lng(d, now), text(d, name), text(d, owner)))) == 1;
    }

    /** Gives the lease up if {@code owner} holds it. */
    public static boolean release(StorageTransaction tx, String name, String owner, long now) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        return run(s, "releasing consumer " + name, () -> s.update(new Sql("UPDATE crm_consumer SET lease_owner = NULL, lease_until = 0, updated_at = ?"
                + " WHERE name = ? AND lease_owner = ?", lng(d, now), text(d, name), text(d, owner)))) == 1;
    }

    /** Clears the back-off: the next poll tries again at once. */
    public static boolean resume(StorageTransaction tx, String name, long now) {
        TxState s = state(tx);
        SqlDialect d = s.dialect();
        return run(s, "resuming consumer " + name, () -> s.update(new Sql("UPDATE crm_consumer SET failures = 0, retry_at = 0, updated_at = ? WHERE name = ?",
                lng(d, now), text(d, name)))) == 1;
    }

    public static boolean remove(StorageTransaction tx, String name) {
        TxState s = state(tx);
        return run(s, "removing consumer " + name, () -> s.update(new Sql("DELETE FROM crm_consumer WHERE name = ?", text(s.dialect(), name)))) == 1;
    }

    private static org.jdbi.v3.core.argument.Argument text(SqlDialect d, String value) {
        return d.arg(ColumnType.TEXT, value);
    }

    private static org.jdbi.v3.core.argument.Argument lng(SqlDialect d, long value) {
        return d.arg(ColumnType.LONG, value);
    }

    private static <R> R run(TxState s, String what, java.util.function.Supplier<R> statement) {
        try {
            return statement.get();
        } catch (JdbiException e) {
            throw s.failure(what, e);
        }
    }
}
