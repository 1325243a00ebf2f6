package org.sectorcrm.examples;

/** The account-security suite again on PostgreSQL (CRM and accounts tables in one schema of their own). */
class PostgresAccountSecurityApiTest extends AccountSecurityApiTest {
    @Override
    TestDatabases.Database database() {
        return TestDatabases.postgres(getClass().getSimpleName());
    }
}
