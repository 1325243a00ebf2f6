package org.sectorcrm.caffeine;

import java.util.Set;

import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.TransactionWork;

/** A storage that forwards to another; tests override a method to make a delegate misbehave or lack something. */
class ForwardingStorage implements CrmStorage {
    final CrmStorage target;

    ForwardingStorage(CrmStorage target) {
        this.target = target;
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        return target.inTransaction(work);
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        return target.read(work);
    }

    @Override
    public Set<Capability> capabilities() {
        return target.capabilities();
    }

    @Override
    public void close() {
        target.close();
    }
}
