package org.sectorcrm.jdbc.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.jdbc.TestDatabase;

class MariaDbOutboxDispatcherTest extends OutboxDispatcherTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
