package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * {@code find(type, id)} outside a transaction on SQLite reuses one prepared statement per pooled connection (issue
 * 13). A reused statement must not keep the read snapshot of its last call: each find sees what was committed
 * before it, and between finds no read transaction is left open (a full checkpoint, which waits for none, completes).
 */
class SqliteDirectFindTest {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Test
    void everyFindSeesTheLatestCommitAndLeavesNoReadOpen() throws Exception {
        String url = DB.url();
        Employer start = StoreTestBase.anEmployer().withEmployees(0).build();
        try (JdbcCrmStorage store = DB.builderFor(url).maximumPoolSize(1).build(); JdbcCrmStorage writer = DB.builderFor(url).build()) {
            store.inTransaction(tx -> {
                tx.employers().save(start, 0);
                return null;
            });
            Employer current = start;
            for (int i = 0; i < 5; i++) {
                assertThat(store.find(AggregateTypes.EMPLOYER, start.id())).contains(current);
                Employer changed = StoreTestBase.next(current);
                long expected = current.version();
                writer.inTransaction(tx -> {
                    tx.employers().save(changed, expected);
                    return null;
                });
                current = writer.find(AggregateTypes.EMPLOYER, start.id()).orElseThrow();
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("busy: a reader still holds a snapshot").isZero();
                }
            }
            assertThat(store.find(AggregateTypes.EMPLOYER, current.id())).contains(current);
            assertThat(store.find(AggregateTypes.EMPLOYER, new EmployerId(UUID.randomUUID()))).isEmpty();
            // Inside a transaction the find is the transaction's own (its writes seen), not the direct path.
            Employer own = StoreTestBase.next(current);
            long expected = current.version();
            java.util.Optional<Employer> seen = store.inTransaction(tx -> {
                tx.employers().save(own, expected);
                return store.find(AggregateTypes.EMPLOYER, own.id());
            });
            assertThat(seen.map(Employer::version)).contains(expected + 1);
        }
    }
}
