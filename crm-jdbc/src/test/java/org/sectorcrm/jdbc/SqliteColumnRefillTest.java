package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteColumnRefillTest extends ColumnRefillTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
