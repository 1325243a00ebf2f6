package org.sectorcrm.tck;

// tag::compatibility-test[]
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;

/** The reference store passes the whole kit: every vendor's store must too. */
class InMemoryCrmStorageCompatibilityTest extends CrmStorageCompatibilityKit {
    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
// end::compatibility-test[]
