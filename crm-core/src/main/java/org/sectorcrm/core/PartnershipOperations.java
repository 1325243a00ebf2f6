package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.event.RecordType;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Sector partnerships; the stage moves only through {@link #advanceTo}. */
public final class PartnershipOperations extends RecordOperations<PartnershipId, SectorPartnership, PartnershipFilter, SectorPartnership> {
    PartnershipOperations(Crm crm, Actor actor) {
        super(crm, actor, RecordType.PARTNERSHIP);
    }

    @Override
    AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> store(StorageTransaction tx) {
        return tx.partnerships();
    }

    @Override
    SectorPartnership assign(SectorPartnership r, PartnershipId id, Stamp stamp) {
        return r.withId(id).withStamp(stamp);
    }

    @Override
    PartnershipId newId(UUID value) {
        return new PartnershipId(value);
    }

    @Override
    SectorPartnership prepare(Changes changes, SectorPartnership p, SectorPartnership stored) {
        org.sectorcrm.core.internal.Check c = org.sectorcrm.core.internal.Check.of(key());
        c.that(changes.tx.regions().find(p.region()).isPresent(), "region", "region " + p.region() + " does not exist");
        c.that(changes.tx.sectors().find(p.sector()).isPresent(), "sector", "sector " + p.sector() + " does not exist");
        c.that(changes.tx.partners().find(p.convener()).isPresent(), "convener", "partner " + p.convener() + " does not exist");
        for (int i = 0; i < p.members().size(); i++) {
            var member = p.members().get(i).employer();
            c.that(changes.tx.employers().find(member).isPresent(), "members[" + i + "].employer", "employer " + member + " does not exist");
        }
        c.throwIfInvalid();
        return p;
    }

    @Override
    Object statusOf(SectorPartnership p) {
        return p.stage();
    }

    /** Moves one stage along the playbook, or to DORMANT. */
    public SectorPartnership advanceTo(PartnershipId id, long expectedVersion, PartnershipStage to) {
        return transition(id, expectedVersion, p -> p.advanceTo(to));
    }
}
