package org.sectorcrm.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.caffeine.CachingCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/** The whole conformance kit on the Caffeine cache over a SQLite store: caching keeps every promise of the SPI. */
class CachedSqliteCompatibilityTest extends CrmStorageCompatibilityKit {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    protected CrmStorage createStorage() {
        return CachingCrmStorage.builder().delegate(DB.fresh()).build();
    }
}
