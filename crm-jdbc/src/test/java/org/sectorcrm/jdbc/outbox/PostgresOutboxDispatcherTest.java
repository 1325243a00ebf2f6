package org.sectorcrm.jdbc.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.jdbc.TestDatabase;

class PostgresOutboxDispatcherTest extends OutboxDispatcherTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return DB;
    }
}
