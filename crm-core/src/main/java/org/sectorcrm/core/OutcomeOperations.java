package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Outcome measures: a baseline and later observations per employer (optionally per solution). */
public final class OutcomeOperations extends RecordOperations<OutcomeId, OutcomeMeasure, OutcomeFilter, OutcomeMeasure> {
    OutcomeOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.OUTCOME);
    }

    @Override
    OutcomeMeasure prepare(Changes changes, OutcomeMeasure o, OutcomeMeasure stored) {
        FeedbackOperations.requireEmployer(changes, key(), o.employer());
        if (o.solution() != null && changes.tx.solutions().find(o.solution()).isEmpty()) {
            throw ValidationException.of(key(), "solution", "solution " + o.solution() + " does not exist");
        }
        return o;
    }

    /** Records a later observation; improvement is computed from it, never typed in. */
    public OutcomeMeasure observe(OutcomeId id, long expectedVersion, Observation observation) {
        require(key(), "observation", observation);
        return transition(id, expectedVersion, o -> {
            java.util.List<Observation> all = new java.util.ArrayList<>(o.observations());
            all.add(observation);
            return o.withObservations(all);
        });
    }
}
