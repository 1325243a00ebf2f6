package org.sectorcrm.caffeine;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmReportProperties;

/** The kit's report property through a small cache (16 aggregates): the reports equal the reference's while entries are cached and evicted. */
class CachingInMemoryReportTest extends CrmReportProperties {
    @Override
    protected CrmStorage createStorage() {
        return CachingCrmStorage.builder().delegate(new InMemoryCrmStorage()).maximumSize(16).executor(Runnable::run).build();
    }
}
