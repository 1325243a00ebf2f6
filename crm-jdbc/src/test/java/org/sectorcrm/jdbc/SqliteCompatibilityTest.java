package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/** The whole conformance kit, unchanged, on SQLite. */
class SqliteCompatibilityTest extends CrmStorageCompatibilityKit {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    protected CrmStorage createStorage() {
        return DB.fresh();
    }
}
