package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.spi.Capability;

class BuilderTest {

    @Test
    void settingsAreCheckedAsTheyAreGiven() {
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:sqlite:a.db").url("jdbc:sqlite:b.db"))
                .withMessage("url was already set to jdbc:sqlite:a.db");
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:sqlite:a.db").dataSource(new org.sqlite.SQLiteDataSource()))
                .withMessage("url was already set to jdbc:sqlite:a.db; give a DataSource or a JDBC URL, not both");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcCrmStorage.builder().url("postgresql://localhost/crm"))
                .withMessage("url must be a JDBC URL starting with 'jdbc:' but was 'postgresql://localhost/crm'");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcCrmStorage.builder().schema("crm; DROP TABLE x"))
                .withMessageContaining("schema must be 1-63 letters, digits or '_'");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcCrmStorage.builder().maximumPoolSize(0))
                .withMessage("maximumPoolSize must be at least 1 but was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcCrmStorage.builder().busyTimeout(Duration.ofSeconds(-1)))
                .withMessageContaining("busyTimeout must be between 0 and");
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().schemaMode(SchemaMode.NONE).schemaMode(SchemaMode.MIGRATE))
                .withMessage("schemaMode was already set to NONE");
    }

    @Test
    void buildingChecksThatTheSettingsFitTogether() {
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().build()).withMessage("give a dataSource or a url");
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().dataSource(new org.sqlite.SQLiteDataSource()).user("sa").build())
                .withMessage("user, password and maximumPoolSize apply to a url; a DataSource brings its own");
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:sqlite:x.db").schema("crm").build())
                .withMessageContaining("schema is not supported on SQLite");
        assertThatIllegalStateException().isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:h2:mem:x").build())
                .withMessage("cannot tell the dialect of jdbc:h2:mem:x from its prefix; set dialect(...)");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:sqlite::memory:").build())
                .withMessageContaining("in-memory SQLite database");
    }

    @Test
    void anUnreachableServerIsAStorageFailureNamingTheUrl() {
        assertThatExceptionOfType(StorageException.class)
                .isThrownBy(() -> JdbcCrmStorage.builder().url("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2").build())
                .withMessageContaining("cannot open a connection pool on jdbc:postgresql://127.0.0.1:1/nothing");
    }

    @Test
    void aStoreOnAUrlOwnsItsPoolAndOneOnADataSourceLeavesItOpen(@TempDir Path dir) throws SQLException {
        JdbcCrmStorage owned = JdbcCrmStorage.builder().url("jdbc:sqlite:" + dir.resolve("owned.db")).build();
        assertThat(owned.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(owned.capabilities()).containsExactlyInAnyOrder(Capability.REFERENTIAL_INTEGRITY, Capability.EVENT_LOG);
        owned.close();
        owned.close();
        assertThatIllegalStateException().isThrownBy(() -> owned.read(tx -> null)).withMessage("this JdbcCrmStorage is closed");

        org.sqlite.SQLiteDataSource callers = new org.sqlite.SQLiteDataSource();
        callers.setUrl("jdbc:sqlite:" + dir.resolve("callers.db"));
        JdbcCrmStorage borrowed = JdbcCrmStorage.builder().dataSource(callers).build();
        assertThat(borrowed.dialect()).as("detected from the database's metadata").isEqualTo(Dialect.SQLITE);
        borrowed.close();
        try (Connection c = ((DataSource) callers).getConnection()) {
            assertThat(c.isValid(1)).as("the caller's DataSource still works").isTrue();
            assertThat(c.createStatement().executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }
}
