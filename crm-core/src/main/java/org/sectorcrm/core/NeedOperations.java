package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Business needs; the status moves only through {@link #moveTo}. */
public final class NeedOperations extends RecordOperations<NeedId, BusinessNeed, NeedFilter, BusinessNeed> {
    NeedOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.NEED);
    }

    @Override
    BusinessNeed prepare(Changes changes, BusinessNeed n, BusinessNeed stored) {
        FeedbackOperations.requireEmployer(changes, key(), n.employer());
        return n;
    }

    @Override
    Object statusOf(BusinessNeed n) {
        return n.status();
    }

    /** Moves the need along OPEN → IN_PROGRESS → MET | UNMET | WITHDRAWN; {@code on} dates a closing move. */
    public BusinessNeed moveTo(NeedId id, long expectedVersion, NeedStatus to, java.time.LocalDate on) {
        return transition(id, expectedVersion, n -> n.moveTo(to, on));
    }
}
