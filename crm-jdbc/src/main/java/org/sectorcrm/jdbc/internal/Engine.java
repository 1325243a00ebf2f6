package org.sectorcrm.jdbc.internal;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.spi.TransactionWork;

/**
 * Runs the work of {@code CrmStorage.inTransaction} and {@code read}: one connection and one
 * transaction per outermost call, joined by nested calls on the same thread as savepoints: a nested call
 * that throws leaves nothing of its own writes behind, and the outer work goes on with its own. A
 * {@link StorageException} is different: whether the work catches it or not, the whole transaction rolls
 * back, and the outermost call throws a {@code StorageException} (see {@link TxState#fail}).
 *
 * <p>On SQLite, write transactions of this process take a fair in-process lock first: SQLite has one
 * writer at a time, and waiting here (instead of in SQLite's busy handler) means concurrent writers
 * never see SQLITE_BUSY and are served in order.
 */
public final class Engine {
    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final Documents documents;
    private final boolean borrowed;
    private final Duration busyTimeout;
    private final ReentrantLock writer;
    private final ThreadLocal<TxState> current = new ThreadLocal<>();
    /** The find by id outside a transaction without Jdbi, on SQLite with the store's own pool; else null. */
    private final DirectFind direct;
    /** The transactions' statements prepared once per connection, in the same case as {@link #direct}; else null. */
    private final StatementCache statements;

    /**
     * @param borrowed whether connections come from a caller's DataSource (then each transaction prepares
     *                 its connection itself) rather than from the store's own pool
     */
    public Engine(Jdbi jdbi, SqlDialect dialect, Documents documents, boolean borrowed, Duration busyTimeout) {
        this(jdbi, dialect, documents, borrowed, busyTimeout, null);
    }

    /**
     * @param ownedPool the store's own pool, for {@link DirectFind} on SQLite (where preparing a statement per call is
     *                  a third of a find by id); null when the connections are a caller's
     */
    public Engine(Jdbi jdbi, SqlDialect dialect, Documents documents, boolean borrowed, Duration busyTimeout, javax.sql.DataSource ownedPool) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.documents = documents;
        this.borrowed = borrowed;
        this.busyTimeout = busyTimeout;
        this.writer = dialect.singleWriter() ? new ReentrantLock(true) : null;
        this.direct = ownedPool != null && !borrowed && dialect.singleWriter() ? new DirectFind(ownedPool, dialect, documents) : null;
        this.statements = direct != null ? new StatementCache() : null;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public <R> R run(boolean readOnly, TransactionWork<R> work) {
        if (work == null) {
            throw org.sectorcrm.core.ValidationException.of("transaction", "work", "is required");
        }
        TxState outer = current.get();
        if (outer != null) {
            return nested(outer, readOnly, work);
        }
        ReentrantLock lock = readOnly ? null : writer;
        if (lock != null) {
            lock.lock();
        }
        try {
            return outermost(readOnly, false, work);
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /**
     * {@code read(tx -> tx.store(type).find(id))}, which is one SELECT: outside a transaction it runs in auto-commit
     * (see {@link TxState#oneStatement}), which is what made the uncached get-by-id slower than raw JDBC (issue 13).
     */
    public <I extends org.sectorcrm.core.Id, T extends org.sectorcrm.core.Aggregate<I>, F> java.util.Optional<T> find(
            org.sectorcrm.core.type.AggregateType<I, T, F> type, I id) {
        TransactionWork<java.util.Optional<T>> work = tx -> tx.store(type).find(id);
        if (current.get() != null) {
            return run(true, work);
        }
        // A null id or a type without a table takes the general path, which refuses it with its usual message.
        return direct != null && id != null && type != null && Table.registered(type) != null ? direct.find(type, id) : outermost(true, true, work);
    }

    private <R> R outermost(boolean readOnly, boolean oneStatement, TransactionWork<R> work) {
        TxState state = open(readOnly, oneStatement);
        current.set(state);
        JdbcTransaction tx = new JdbcTransaction(state, readOnly);
        try {
            R result;
            try {
                result = work.run(tx);
            } finally {
                tx.finish();
            }
            try {
                state.commit();
            } catch (SQLException e) {
                throw commitFailure(e);
            } catch (JdbiException e) {
                throw state.failure("committing", e);
            }
            return result;
        } catch (RuntimeException | Error e) {
            state.rollback(e);
            throw e;
        } finally {
            current.remove();
            state.close();
        }
    }

    private TxState open(boolean readOnly, boolean oneStatement) {
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (JdbiException e) {
            throw new StorageException("cannot get a database connection: " + e.getMessage(), e);
        }
        try {
            TxState state = oneStatement ? TxState.oneStatement(handle, dialect, documents, borrowed, busyTimeout)
                    : TxState.begin(handle, dialect, documents, readOnly, borrowed, busyTimeout);
            return oneStatement ? state : state.caching(statements);
        } catch (SQLException | RuntimeException e) {
            handle.close();
            throw new StorageException("cannot begin a transaction on " + dialect.dialect() + ": " + e.getMessage(), e);
        }
    }

    private <R> R nested(TxState outer, boolean readOnly, TransactionWork<R> work) {
        if (!readOnly && outer.readOnly()) {
            throw new IllegalStateException("inTransaction inside CrmStorage.read: a read-only transaction cannot be joined for writing");
        }
        JdbcTransaction tx = new JdbcTransaction(outer, readOnly || outer.readOnly());
        Savepoint sp = readOnly || outer.readOnly() ? null : outer.savepoint();
        int events = outer.outboxSize();
        try {
            R result = work.run(tx);
            tx.finish();
            if (sp != null) {
                outer.release(sp);
            }
            return result;
        } catch (RuntimeException | Error e) {
            tx.finish();
            if (e instanceof StorageException failure) {
                // Whatever the outer work does with it, the whole transaction rolls back (CrmStorage's contract).
                outer.fail(failure);
            }
            if (sp != null) {
                outer.rollbackTo(sp, e);
                outer.truncateOutbox(events);
            }
            throw e;
        }
    }

    private RuntimeException commitFailure(SQLException e) {
        if (dialect.classify(e) == Violation.TRANSIENT) {
            return new ConflictException("transaction", null, null,
                    "the transaction collided with a concurrent one at commit (" + e.getMessage() + "); nothing was kept: retry");
        }
        return new StorageException("commit failed on " + dialect.dialect() + ": " + e.getMessage(), e);
    }
}
