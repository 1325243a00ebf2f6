package org.sectorcrm.examples;

/**
 * The whole REST API suite again, on PostgreSQL (a schema of its own, CRM and accounts tables both in it). Skipped
 * loudly when no server answers at 127.0.0.1:5432, unless {@code -Dcrm.requireAll=true}.
 */
class PostgresApiHttpTest extends ApiHttpTest {
    @Override
    TestDatabases.Database database() {
        return TestDatabases.postgres(getClass().getSimpleName());
    }
}
