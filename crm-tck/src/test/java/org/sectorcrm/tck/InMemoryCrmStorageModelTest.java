package org.sectorcrm.tck;

// tag::model-test[]
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;

/** The reference store compared with itself: the properties hold, and the harness runs every kind of step. */
class InMemoryCrmStorageModelTest extends CrmStorageModelProperties {
    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
// end::model-test[]
