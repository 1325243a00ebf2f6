package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;

/** The accounts tables on PostgreSQL, where the server may drop a connection (a restart) under a running SectorCRM. */
class PostgresAccountsTest {
    @Test
    void loginsKeepWorkingAfterTheServerDroppedTheConnection() {
        TestDatabases.Database database = TestDatabases.postgres(getClass().getSimpleName());
        StaffUserId user = StaffUserId.of(new UUID(0x0190a6b0_0000_7000L, 0x8000_0000_0000_0001L).toString());
        try (Accounts accounts = new Accounts(database.db(), Clock.systemUTC())) {
            accounts.setPassword(user, "ann@board.example", "correct horse battery staple".toCharArray());
            String token = accounts.issueToken(user, "sync");

            database.terminateConnections();

            assertThat(accounts.token(token)).contains(user);
            assertThat(accounts.login("ann@board.example", java.util.Optional.of(user), "correct horse battery staple".toCharArray())).contains(user);
        } finally {
            database.drop();
        }
    }
}
