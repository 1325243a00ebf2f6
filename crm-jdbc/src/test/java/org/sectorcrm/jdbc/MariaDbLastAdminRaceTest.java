package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbLastAdminRaceTest extends LastAdminRaceTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
