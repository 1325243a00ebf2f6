package org.sectorcrm.tck;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;

/** The reference compared with itself: the report property runs, and the same seed writes the same records with the same ids. */
class InMemoryCrmReportTest extends CrmReportProperties {
    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
