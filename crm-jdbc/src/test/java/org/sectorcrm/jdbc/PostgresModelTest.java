package org.sectorcrm.jdbc;

import org.sectorcrm.testing.SkipWhenServerIsAbsent;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageModelProperties;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The kit's model-based properties on PostgreSQL: random operation sequences compared with the in-memory reference. */
@AddLifecycleHook(SkipWhenServerIsAbsent.class)
class PostgresModelTest extends CrmStorageModelProperties {
    // jqwik is its own engine, without JUnit extensions: the database is started and dropped by its lifecycle hooks.
    static final TestDatabase DB = TestDatabase.postgres();

    @BeforeContainer
    static void createDatabase() {
        DB.start(PostgresModelTest.class.getSimpleName());
    }

    @AfterContainer
    static void dropDatabase() {
        DB.stop();
    }

    @Override
    protected CrmStorage createStorage() {
        return DB.fresh();
    }
}
