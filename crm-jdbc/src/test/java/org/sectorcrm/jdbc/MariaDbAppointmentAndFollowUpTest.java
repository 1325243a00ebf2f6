package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbAppointmentAndFollowUpTest extends AppointmentAndFollowUpTestBase {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
