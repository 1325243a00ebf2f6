package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Sector partnerships; the stage moves only through {@link #advanceTo}. */
public final class PartnershipOperations extends RecordOperations<PartnershipId, SectorPartnership, PartnershipFilter, SectorPartnership> {
    PartnershipOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.PARTNERSHIP);
    }

    @Override
    SectorPartnership prepare(Changes changes, SectorPartnership p, SectorPartnership stored) {
        // The convener runs the partnership: another partner cannot hand it over, or take it, by an update.
        if (stored != null && !p.convener().equals(stored.convener()) && !actor.partner().equals(stored.convener())) {
            throw new AccessDeniedException("only the convener " + stored.convener() + " may change the convener of partnership " + stored.id());
        }
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
