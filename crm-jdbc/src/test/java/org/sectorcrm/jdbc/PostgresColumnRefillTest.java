package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresColumnRefillTest extends ColumnRefillTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return DB;
    }
}
