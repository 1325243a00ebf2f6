package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbSearchIndexTest extends SearchIndexTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
