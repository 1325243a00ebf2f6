package org.sectorcrm.jdbc;

import org.sectorcrm.testing.SkipWhenServerIsAbsent;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageModelProperties;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The kit's model-based properties on SQLite: random operation sequences compared with the in-memory reference. */
@AddLifecycleHook(SkipWhenServerIsAbsent.class)
class SqliteModelTest extends CrmStorageModelProperties {
    // jqwik is its own engine, without JUnit extensions: the database is started and dropped by its lifecycle hooks.
    static final TestDatabase DB = TestDatabase.sqlite();

    @BeforeContainer
    static void createDatabase() {
        DB.start(SqliteModelTest.class.getSimpleName());
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
