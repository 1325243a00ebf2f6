package org.sectorcrm.jdbc;

import org.sectorcrm.caffeine.CachingCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageModelProperties;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The kit's model-based properties on a small Caffeine cache over a SQLite store, the sixth store the kit runs on:
 * random programs give the reference's results while entries are cached, dropped by writes and evicted.
 */
class CachedSqliteModelTest extends CrmStorageModelProperties {
    // jqwik is its own engine, without JUnit extensions: the database is started and dropped by its lifecycle hooks.
    static final TestDatabase DB = TestDatabase.sqlite();

    @BeforeContainer
    static void createDatabase() {
        DB.start(CachedSqliteModelTest.class.getSimpleName());
    }

    @AfterContainer
    static void dropDatabase() {
        DB.stop();
    }

    @Override
    protected CrmStorage createStorage() {
        // 16 entries: small enough that programs evict, as the in-memory cached model does.
        return CachingCrmStorage.builder().delegate(DB.fresh()).maximumSize(16).executor(Runnable::run).build();
    }
}
