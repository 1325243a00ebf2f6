package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;

/**
 * The web import's remembered column mapping is kept in the accounts tables, so it survives a restart (a new Accounts on
 * the same database) and is the same on every node, on each engine: column names with any character come back as typed,
 * a new choice replaces the old one, and users and kinds keep their own.
 */
class ImportMappingsTest {
    private static final StaffUserId ANN = StaffUserId.of(new UUID(0x0190a6b0_0000_7000L, 0x8000_0000_0000_0001L).toString());
    private static final StaffUserId BO = StaffUserId.of(new UUID(0x0190a6b0_0000_7000L, 0x8000_0000_0000_0002L).toString());

    @Test
    void onSqlite() {
        TestDatabases.Database db = TestDatabases.sqlite();
        check(db, () -> "jdbc:sqlite:" + db.db());
    }

    @Test
    void onPostgres() {
        TestDatabases.Database db = TestDatabases.postgres(getClass().getSimpleName());
        check(db, db::db);
    }

    @Test
    void onMariadb() {
        TestDatabases.Database db = TestDatabases.mariadb(getClass().getSimpleName());
        check(db, db::db);
    }

    private static void check(TestDatabases.Database db, Supplier<String> url) {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("legalName", "Company Name");
        first.put("fein", "EIN / Tax ID");
        first.put("custom.owner", "Inhaber & Straße = \"ok\"%20");
        try {
            try (Accounts accounts = new Accounts(url.get(), Clock.systemUTC())) {
                assertThat(accounts.importMapping(ANN, "employers")).isEmpty();
                accounts.rememberImportMapping(ANN, "employers", Map.of("legalName", "Name"));
                accounts.rememberImportMapping(ANN, "employers", first); // replaces
                accounts.rememberImportMapping(ANN, "contacts", Map.of("firstName", "First"));
                accounts.rememberImportMapping(BO, "employers", Map.of("legalName", "Business"));
            }
            try (Accounts restarted = new Accounts(url.get(), Clock.systemUTC())) {
                assertThat(restarted.importMapping(ANN, "employers")).containsExactlyEntriesOf(first);
                assertThat(restarted.importMapping(ANN, "contacts")).containsExactlyEntriesOf(Map.of("firstName", "First"));
                assertThat(restarted.importMapping(BO, "employers")).containsExactlyEntriesOf(Map.of("legalName", "Business"));
                assertThat(restarted.importMapping(BO, "contacts")).isEmpty();
            }
        } finally {
            db.drop();
        }
    }
}
