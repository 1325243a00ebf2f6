package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbColumnRefillTest extends ColumnRefillTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
