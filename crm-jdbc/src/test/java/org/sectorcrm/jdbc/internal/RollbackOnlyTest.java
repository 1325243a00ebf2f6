package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.jdbc.Dialect;

/**
 * Once the database has rolled back the whole transaction (an InnoDB deadlock), nothing more may run in
 * it and it cannot commit: otherwise the statements after the failure would run and commit on their own.
 * SQLite stands in for the database here, with a dialect that treats a unique violation as such a
 * failure, so the rule is tested deterministically.
 */
class RollbackOnlyTest {
    private static final String DEADLOCK = "the transaction was rolled back by the database (deadlock); nothing was saved";

    private Jdbi jdbi;

    @BeforeEach
    void createTable(@TempDir Path dir) {
        jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("rollback-only.db"));
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
    }

    @Test
    void aFailureThatAbortsTheTransactionMakesItRollbackOnly() throws SQLException {
        TxState tx = begin(new AbortingDialect());
        try {
            tx.write(() -> tx.update(insert(1)), e -> new StorageException("unexpected", e));
            assertThatThrownBy(() -> tx.write(() -> tx.update(insert(1)), e -> new StorageException("the dialect's own mapping", e)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(DEADLOCK);
            assertThat(tx.rollbackOnly()).isTrue();

            // The work caught the conflict and goes on: nothing of it may run, nor commit.
            assertThatThrownBy(() -> tx.update(insert(2))).isInstanceOf(ConflictException.class).hasMessageContaining(DEADLOCK);
            assertThatThrownBy(() -> tx.query(new Sql("SELECT id FROM t"), (rs, ctx) -> rs.getInt(1)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(DEADLOCK);
            assertThatThrownBy(tx::savepoint).isInstanceOf(ConflictException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(ConflictException.class).hasMessageContaining(DEADLOCK);
            tx.rollback(new RuntimeException("the work's failure"));
        } finally {
            tx.close();
        }
        assertThat(rows()).as("nothing was committed").isEmpty();
    }

    @Test
    void anOrdinaryFailureLeavesTheTransactionUsable() throws SQLException {
        TxState tx = begin(SqlDialect.of(Dialect.SQLITE, null));
        try {
            tx.write(() -> tx.update(insert(1)), e -> new StorageException("unexpected", e));
            assertThatThrownBy(() -> tx.write(() -> tx.update(insert(1)), e -> new IllegalStateException("mapped", e)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("mapped");
            assertThat(tx.rollbackOnly()).isFalse();
            tx.write(() -> tx.update(insert(2)), e -> new StorageException("unexpected", e));
            tx.commit();
        } finally {
            tx.close();
        }
        assertThat(rows()).containsExactly(1, 2);
    }

    private TxState begin(SqlDialect dialect) throws SQLException {
        Handle handle = jdbi.open();
        return TxState.begin(handle, dialect, null, false, false, Duration.ofSeconds(5));
    }

    private static Sql insert(int id) {
        return new Sql("INSERT INTO t (id) VALUES (" + id + ")");
    }

    private List<Integer> rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM t ORDER BY id").mapTo(Integer.class).list());
    }

    /** SQLite, except that a unique violation counts as a failure that rolled back the whole transaction. */
    private static final class AbortingDialect extends SqlDialect {
        private final SqlDialect sqlite = SqlDialect.of(Dialect.SQLITE, null);

        AbortingDialect() {
            super("");
        }

        @Override
        public boolean abortsTransaction(SQLException e) {
            return sqlite.classify(e) == Violation.UNIQUE;
        }

        @Override
        public Dialect dialect() {
            return sqlite.dialect();
        }

        @Override
        public String schema() {
            return null;
        }

        @Override
        public void bind(PreparedStatement statement, int position, ColumnType type, Object value) throws SQLException {
            sqlite.bind(statement, position, type, value);
        }

        @Override
        public Violation classify(SQLException e) {
            return sqlite.classify(e);
        }

        @Override
        public void beforeBegin(Connection connection, boolean readOnly) throws SQLException {
            sqlite.beforeBegin(connection, readOnly);
        }

        @Override
        public void afterBegin(Connection connection, boolean borrowed) throws SQLException {
            sqlite.afterBegin(connection, borrowed);
        }

        @Override
        public boolean savepointPerWrite() {
            return true;
        }

        @Override
        public void lockOutbox(Handle handle) {
            sqlite.lockOutbox(handle);
        }

        @Override
        public String quote(String identifier) {
            return sqlite.quote(identifier);
        }
    }
}
