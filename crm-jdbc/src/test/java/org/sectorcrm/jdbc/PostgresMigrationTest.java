package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMigrationTest extends MigrationTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return DB;
    }
}
