package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteKillDuringWritesTest extends KillDuringWritesTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }

    /** SQLite is the default store of a region with no IT staff: kill it more often. */
    @Override
    int rounds() {
        return 3;
    }
}
