package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSearchIndexTest extends SearchIndexTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
