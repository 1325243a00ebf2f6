package org.sectorcrm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.event.DomainEvent;

/**
 * One database transaction on one connection: what every {@link JdbcTransaction} view of it (the
 * outermost one and those of nested calls) shares. Knows whether the store began the transaction
 * itself or joined one the caller's {@code DataSource} had already started.
 */
public final class TxState {
    private final Handle handle;
    private final Connection connection;
    private final SqlDialect dialect;
    private final Documents documents;
    private final boolean readOnly;
    private final boolean external;
    private final Savepoint externalSavepoint;
    private final List<DomainEvent> outbox = new ArrayList<>();
    private int savepoints;
    /** The failure upon which the database rolled back the whole transaction, or null: then nothing more may run. */
    private SQLException aborted;
    /** The storage failure that makes this transaction end in a rollback, or null (see {@link #fail}). */
    private StorageException failed;
    /** Whether a rollback failed: the connection's state is then unknown and it must not be reused. */
    private boolean rollbackFailed;
    /** Where this transaction's statements are prepared once per connection, or null: each is prepared and closed. */
    private StatementCache statements;

    private TxState(Handle handle, SqlDialect dialect, Documents documents, boolean readOnly, boolean external, Savepoint externalSavepoint) {
        this.handle = handle;
        this.connection = handle.getConnection();
        this.dialect = dialect;
        this.documents = documents;
        this.readOnly = readOnly;
        this.external = external;
        this.externalSavepoint = externalSavepoint;
    }

    /**
     * Begins a transaction on a freshly opened handle, or joins the one its connection is already in
     * (a transaction-aware {@code DataSource} of the caller), behind a savepoint so that a failure undoes
     * exactly what the store wrote.
     */
    static TxState begin(Handle handle, SqlDialect dialect, Documents documents, boolean readOnly, boolean borrowed,
            java.time.Duration busyTimeout) throws SQLException {
        Connection c = handle.getConnection();
        if (!c.getAutoCommit()) {
            Savepoint sp = readOnly ? null : c.setSavepoint();
            return new TxState(handle, dialect, documents, readOnly, true, sp);
        }
        if (borrowed) {
            dialect.prepareBorrowed(c, busyTimeout);
        }
        dialect.beforeBegin(c, readOnly);
        c.setAutoCommit(false);
        dialect.afterBegin(c, borrowed);
        return new TxState(handle, dialect, documents, readOnly, false, null);
    }

    /**
     * For a read of one statement outside any transaction: the connection stays in auto-commit, where the statement
     * is its own transaction on every engine (one snapshot), so BEGIN and COMMIT are not sent (sqlite-jdbc also sends
     * a BEGIN after every COMMIT, and another COMMIT when auto-commit is put back). A connection a caller's
     * DataSource already has in a transaction is joined as in {@link #begin}.
     */
    static TxState oneStatement(Handle handle, SqlDialect dialect, Documents documents, boolean borrowed,
            java.time.Duration busyTimeout) throws SQLException {
        Connection c = handle.getConnection();
        if (c.getAutoCommit() && borrowed) {
            dialect.prepareBorrowed(c, busyTimeout);
        }
        // external: commit, rollback and close leave the connection's transaction state as it was.
        return new TxState(handle, dialect, documents, true, true, null);
    }

    void commit() throws SQLException {
        if (failed != null) {
            throw new StorageException("the transaction was rolled back because the storage failed inside it (" + failed.getMessage()
                    + "); nothing of it was kept, although the work went on", failed);
        }
        checkUsable();
        flushOutbox();
        if (external) {
            if (externalSavepoint != null) {
                connection.releaseSavepoint(externalSavepoint);
            }
        } else {
            dialect.beforeCommit(connection);
            connection.commit();
        }
    }

    /** Undoes everything the store wrote in this transaction; never throws (the original failure matters more). */
    void rollback(Throwable cause) {
        try {
            if (external) {
                if (externalSavepoint != null) {
                    connection.rollback(externalSavepoint);
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            rollbackFailed = !external;
            cause.addSuppressed(e);
        }
    }

    /** Gives the connection back; restores auto-commit when the store began the transaction. */
    void close() {
        if (rollbackFailed) {
            discard();
            return;
        }
        try {
            if (!external && !connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The pool discards or resets a connection in an unknown state; nothing is lost here.
        } finally {
            handle.close();
        }
    }

    /**
     * Ends a connection whose rollback failed without touching auto-commit (turning it on would commit the
     * failed work): aborted, its pool evicts it instead of handing it out again; closed when it cannot be.
     */
    private void discard() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // Not supported by every driver; the close below still ends it without a commit.
        }
        try {
            // Closing with the transaction open ends it without a commit (some drivers' abort does nothing).
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Nothing more can be done with it; the work's failure is already on its way to the caller.
        }
        try {
            handle.close();
        } catch (RuntimeException ignored) {
            // Closing an aborted connection's handle may fail; the connection is gone either way.
        }
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public Documents documents() {
        return documents;
    }

    boolean readOnly() {
        return readOnly;
    }

    public Handle handle() {
        return handle;
    }

    // --- nested transactions ---

    Savepoint savepoint() {
        checkUsable();
        try {
            return connection.setSavepoint("sp_" + (++savepoints));
        } catch (SQLException e) {
            throw fail(new StorageException("cannot set a savepoint: " + e.getMessage(), e));
        }
    }

    void release(Savepoint sp) {
        checkUsable();
        try {
            connection.releaseSavepoint(sp);
        } catch (SQLException e) {
            throw fail(new StorageException("cannot release a savepoint: " + e.getMessage(), e));
        }
    }

    /**
     * Makes the transaction end in a rollback because the storage failed in it (CrmStorage's contract: a
     * {@link StorageException} inside a transaction, a nested one included, rolls all of it back, even when the
     * work catches it and returns). Later statements are refused, and the commit throws. Returns {@code e}.
     */
    StorageException fail(StorageException e) {
        if (failed == null) {
            failed = e;
        }
        return e;
    }

    /** Whether a storage failure already decided that this transaction rolls back. */
    boolean failed() {
        return failed != null;
    }

    void rollbackTo(Savepoint sp, Throwable cause) {
        try {
            connection.rollback(sp);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Prepares this transaction's statements through {@code cache} (null: each anew); returns this. */
    TxState caching(StatementCache cache) {
        this.statements = cache;
        return this;
    }

    // --- statements ---
    //
    // Statements whose arguments are all the dialect's (SqlDialect.arg) run on the JDBC statement itself: jdbi's
    // per-statement set-up (handle configuration, argument factories, statement context, its JFR event) was most of
    // the Java time of a single create besides the JSON (issue 13). A failure is the same JdbiException jdbi throws,
    // with the SQL exception as its cause, so every caller's error handling is unchanged.

    public int update(Sql sql) {
        checkUsable();
        if (direct(sql.args())) {
            String text = dialect.sql(sql.text());
            PreparedStatement ps = null;
            try {
                ps = prepare(text);
                bind(ps, sql.args());
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw noteAbort(failure(e, text));
            } finally {
                done(ps);
            }
        }
        try {
            Update u = handle.createUpdate(dialect.sql(sql.text()));
            bind(u, sql.args());
            return u.execute();
        } catch (JdbiException e) {
            throw noteAbort(e);
        }
    }

    public <R> List<R> query(Sql sql, RowMapper<R> mapper) {
        checkUsable();
        if (direct(sql.args())) {
            String text = dialect.sql(sql.text());
            PreparedStatement ps = null;
            try {
                ps = prepare(text);
                bind(ps, sql.args());
                List<R> rows = new ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) { // closing it resets a kept statement
                    while (rs.next()) {
                        rows.add(mapper.map(rs, null)); // the store's mappers read the row alone
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw noteAbort(failure(e, text));
            } finally {
                done(ps);
            }
        }
        try {
            Query q = handle.createQuery(dialect.sql(sql.text()));
            bind(q, sql.args());
            return q.map(mapper).list();
        } catch (JdbiException e) {
            throw noteAbort(e);
        }
    }

    /** Runs {@code sql} once per row as one JDBC batch; returns the update count of each row (or {@code Statement.SUCCESS_NO_INFO}). */
    public int[] batch(String sql, List<List<Argument>> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        checkUsable();
        if (directRows(rows)) {
            return directBatch(dialect.sql(sql), rows);
        }
        try {
            PreparedBatch b = handle.prepareBatch(dialect.sql(sql));
            for (List<Argument> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    b.bind(i, row.get(i));
                }
                b.add();
            }
            return b.execute();
        } catch (JdbiException e) {
            throw noteAbort(e);
        }
    }

    private static boolean directRows(List<List<Argument>> rows) {
        for (List<Argument> row : rows) {
            if (!direct(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The batch on the JDBC statement itself: the dialect binds each value ({@link SqlDialect#bindDirect}) without
     * jdbi's per-value argument lookup, which was a third of the Java time of a bulk import (its
     * {@code ArgumentBinder}, configuration caches and qualifier checks ran for each of the ~20 values of each row).
     * A failure is the same {@link JdbiException} (with the SQL exception as its cause) that jdbi's batch throws.
     */
    private int[] directBatch(String sql, List<List<Argument>> rows) {
        PreparedStatement ps = null;
        try {
            ps = prepare(sql);
            for (List<Argument> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch(); // which empties the batch of a kept statement
        } catch (SQLException e) {
            if (ps != null && statements != null) {
                try {
                    ps.clearBatch(); // a failed batch may keep its rows: the next one starts empty
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw noteAbort(failure(e, sql));
        } finally {
            done(ps);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return statements != null ? statements.get(connection, sql) : connection.prepareStatement(sql);
    }

    /** Closes a statement prepared for one call; a kept one stays open. */
    private void done(PreparedStatement ps) {
        if (ps != null && statements == null) {
            try {
                ps.close();
            } catch (SQLException e) {
                // nothing was left to release
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Argument> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            SqlDialect.bindDirect(args.get(i), ps, i + 1);
        }
    }

    private static boolean direct(List<Argument> args) {
        for (int i = 0; i < args.size(); i++) {
            if (!SqlDialect.direct(args.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static JdbiException failure(SQLException e, String sql) {
        return new UnableToExecuteStatementException(e.getMessage() + " [statement: \"" + sql + "\"]", e, null);
    }

    /**
     * Remembers a failure upon which the database rolled back the whole transaction: from then on the
     * transaction is rollback-only. Returns the failure to rethrow.
     */
    private JdbiException noteAbort(JdbiException e) {
        SQLException sql = sqlCause(e);
        if (aborted == null && sql != null && dialect.abortsTransaction(sql)) {
            aborted = sql;
        }
        return e;
    }

    /** Whether the database rolled back the whole transaction: it can then only end in a rollback. */
    boolean rollbackOnly() {
        return aborted != null;
    }

    /**
     * Refuses to run anything in a transaction the database already rolled back: a statement would run in
     * a new transaction of its own, and a commit would keep just the work after the failure (and publish
     * the events of the writes that were lost).
     */
    private void checkUsable() {
        if (aborted != null) {
            throw rolledBack(aborted);
        }
        if (failed != null) {
            throw new StorageException("this transaction can only roll back: the storage failed in it (" + failed.getMessage() + ")", failed);
        }
    }

    private static ConflictException rolledBack(SQLException cause) {
        ConflictException e = new ConflictException("transaction", null, null,
                "the transaction was rolled back by the database (deadlock); nothing was saved");
        e.initCause(cause);
        return e;
    }

    private static void bind(org.jdbi.v3.core.statement.SqlStatement<?> statement, List<Argument> args) {
        for (int i = 0; i < args.size(); i++) {
            statement.bind(i, args.get(i));
        }
    }

    /**
     * Runs a write so that, when it fails, nothing of it remains and the transaction stays usable: under a
     * savepoint where the dialect needs one. The failure is turned into the caller's exception by
     * {@code onFailure}, after the rollback to the savepoint (so it may run queries).
     */
    public <R> R write(java.util.function.Supplier<R> work, Function<JdbiException, RuntimeException> onFailure) {
        Savepoint sp = dialect.savepointPerWrite() ? savepoint() : null;
        R result;
        try {
            result = work.get();
        } catch (JdbiException e) {
            noteAbort(e);
            if (aborted != null) {
                // The savepoint went with the transaction; there is nothing to roll back to or look up.
                ConflictException conflict = rolledBack(aborted);
                conflict.addSuppressed(e);
                throw conflict;
            }
            if (sp != null) {
                rollbackTo(sp, e);
            }
            throw onFailure.apply(e);
        } catch (RuntimeException e) {
            if (aborted != null) {
                throw e;
            }
            // A conflict the work detected itself (no row updated): undo whatever it wrote before.
            if (sp != null) {
                rollbackTo(sp, e);
            }
            throw e;
        }
        if (sp != null) {
            release(sp);
        }
        return result;
    }

    // --- outbox ---

    void append(DomainEvent event) {
        outbox.add(event);
    }

    int outboxSize() {
        return outbox.size();
    }

    void truncateOutbox(int size) {
        outbox.subList(size, outbox.size()).clear();
    }

    /**
     * Writes the buffered events just before commit, under the dialect's outbox lock: the lock is then
     * held only for the commit itself, not for the whole transaction.
     */
    private void flushOutbox() {
        if (outbox.isEmpty()) {
            return;
        }
        try {
            dialect.lockOutbox(handle);
            JdbcEventLog.insert(this, outbox);
        } catch (JdbiException e) {
            noteAbort(e);
            if (aborted != null) {
                throw rolledBack(aborted);
            }
            throw JdbcEventLog.failure(this, e);
        } finally {
            outbox.clear();
        }
    }

    /** The SQL error behind a jdbi exception, or null. */
    public static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** A storage failure, with the message of the SQL error behind it; the transaction will roll back ({@link #fail}). */
    public StorageException failure(String what, Throwable e) {
        SQLException sql = sqlCause(e);
        String detail = sql != null ? sql.getMessage() : e.getMessage();
        return fail(new StorageException(what + " failed on " + dialect.dialect() + ": " + detail, e));
    }
}
