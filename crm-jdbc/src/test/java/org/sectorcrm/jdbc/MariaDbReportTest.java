package org.sectorcrm.jdbc;

import org.sectorcrm.testing.SkipWhenServerIsAbsent;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmReportProperties;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The kit's report property on MariaDB: the reports over random histories equal the in-memory reference's (counted in SQL here). */
@AddLifecycleHook(SkipWhenServerIsAbsent.class)
class MariaDbReportTest extends CrmReportProperties {
    // jqwik is its own engine, without JUnit extensions: the database is started and dropped by its lifecycle hooks.
    static final TestDatabase DB = TestDatabase.mariadb();

    @BeforeContainer
    static void createDatabase() {
        DB.start(MariaDbReportTest.class.getSimpleName());
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
