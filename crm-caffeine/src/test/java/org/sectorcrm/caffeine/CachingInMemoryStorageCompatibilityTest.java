package org.sectorcrm.caffeine;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/** The whole conformance kit over the cache over the in-memory store: the cache keeps every promise of the SPI. */
class CachingInMemoryStorageCompatibilityTest extends CrmStorageCompatibilityKit {
    @Override
    protected CrmStorage createStorage() {
        return CachingCrmStorage.builder().delegate(new InMemoryCrmStorage()).build();
    }
}
