package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.jdbc.Dialect;

/** A connection whose rollback failed must not get auto-commit back: that would commit the failed work. */
class FailedRollbackTest {
    @Test
    void aFailedRollbackDiscardsTheConnectionInsteadOfCommittingTheWork(@TempDir Path dir) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("failed-rollback.db");
        Jdbi.create(url).useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        Connection real = DriverManager.getConnection(url);
        Connection failing = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                throw new SQLException("the rollback did not get through");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        TxState tx = TxState.begin(Jdbi.open(failing), SqlDialect.of(Dialect.SQLITE, null), null, false, true, Duration.ofSeconds(5));
        tx.update(new Sql("INSERT INTO t (id) VALUES (1)"));
        RuntimeException cause = new IllegalStateException("the work failed");
        tx.rollback(cause);
        tx.close();

        assertThat(cause.getSuppressed()).extracting(Throwable::getMessage).containsExactly("the rollback did not get through");
        assertThat(real.isClosed()).as("discarded, not handed back").isTrue();
        int rows = Jdbi.create(url).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
        assertThat(rows).as("nothing committed").isZero();
    }
}
