package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteDuplicateWarningTest extends DuplicateWarningTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
