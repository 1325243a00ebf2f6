package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/** The whole conformance kit, unchanged, on MariaDB. */
class MariaDbCompatibilityTest extends CrmStorageCompatibilityKit {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    protected CrmStorage createStorage() {
        return DB.fresh();
    }
}
