package org.sectorcrm.caffeine;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageModelProperties;

/**
 * The kit's model-based properties over a small cache over the in-memory store: random programs give the
 * reference's results while entries are cached, dropped by writes and evicted (the cache holds 16 aggregates).
 */
class CachingInMemoryStorageModelTest extends CrmStorageModelProperties {
    @Override
    protected CrmStorage createStorage() {
        return CachingCrmStorage.builder().delegate(new InMemoryCrmStorage()).maximumSize(16).executor(Runnable::run).build();
    }
}
