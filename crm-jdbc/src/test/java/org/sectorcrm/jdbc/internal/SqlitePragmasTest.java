package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.jdbc.Dialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Every SQLite connection the store uses has foreign keys on, a busy timeout and synchronous=NORMAL, pooled or borrowed. */
class SqlitePragmasTest {
    private final SqlDialect sqlite = SqlDialect.of(Dialect.SQLITE, null);

    @Test
    void theStoresOwnPoolSetsThemOnEveryConnection(@TempDir Path dir) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("pool.db"));
        config.setMaximumPoolSize(2);
        sqlite.configurePool(config, Duration.ofSeconds(12));
        try (HikariDataSource pool = new HikariDataSource(config); Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            for (Connection c : new Connection[] {a, b}) {
                assertPragmas(c, 12_000);
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            }
        }
    }

    @Test
    void aBorrowedConnectionIsPreparedBeforeEachTransaction(@TempDir Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("borrowed.db"))) {
            assertThat(pragma(c, "foreign_keys")).as("sqlite-jdbc's default").isEqualTo("0");
            sqlite.prepareBorrowed(c, Duration.ofSeconds(7));
            assertPragmas(c, 7_000);
        }
    }

    private static void assertPragmas(Connection c, int busyTimeoutMillis) throws SQLException {
        assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(c, "busy_timeout")).isEqualTo(Integer.toString(busyTimeoutMillis));
        assertThat(pragma(c, "synchronous")).as("1 is NORMAL").isEqualTo("1");
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
