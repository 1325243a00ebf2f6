package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/** The whole conformance kit, unchanged, on PostgreSQL. */
class PostgresCompatibilityTest extends CrmStorageCompatibilityKit {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected CrmStorage createStorage() {
        return DB.fresh();
    }
}
