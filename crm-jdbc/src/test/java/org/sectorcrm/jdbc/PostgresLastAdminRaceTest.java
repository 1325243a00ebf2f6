package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLastAdminRaceTest extends LastAdminRaceTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return DB;
    }
}
