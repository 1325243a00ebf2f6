package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSearchIndexTest extends SearchIndexTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return DB;
    }
}
