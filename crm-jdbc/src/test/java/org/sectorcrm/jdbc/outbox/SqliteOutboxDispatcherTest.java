package org.sectorcrm.jdbc.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.jdbc.TestDatabase;

class SqliteOutboxDispatcherTest extends OutboxDispatcherTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
