package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Solutions (an employer's or partnership's solution portfolio); the status moves only through {@link #moveTo}. */
public final class SolutionOperations extends RecordOperations<SolutionId, Solution, SolutionFilter, Solution> {
    SolutionOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.SOLUTION);
    }

    @Override
    Solution prepare(Changes changes, Solution s, Solution stored) {
        // The lead partner answers for the solution: another partner cannot hand it over, or take it, by an update.
        if (stored != null && !s.leadPartner().equals(stored.leadPartner()) && !actor.partner().equals(stored.leadPartner())) {
            throw new AccessDeniedException("only the lead partner " + stored.leadPartner() + " may change the lead partner of solution " + stored.id());
        }
        FeedbackOperations.requireEmployer(changes, key(), s.employer());
        org.sectorcrm.core.internal.Check c = org.sectorcrm.core.internal.Check.of(key());
        c.that(changes.tx.partners().find(s.leadPartner()).isPresent(), "leadPartner", "partner " + s.leadPartner() + " does not exist");
        for (org.sectorcrm.core.reference.PartnerId p : s.contributors()) {
            c.that(changes.tx.partners().find(p).isPresent(), "contributors", "partner " + p + " does not exist");
        }
        for (org.sectorcrm.core.need.NeedId n : s.needs()) {
            c.that(changes.tx.needs().find(n).isPresent(), "needs", "need " + n + " does not exist");
        }
        if (s.partnership() != null) {
            c.that(changes.tx.partnerships().find(s.partnership()).isPresent(), "partnership", "partnership " + s.partnership() + " does not exist");
        }
        c.throwIfInvalid();
        return s;
    }

    @Override
    Object statusOf(Solution s) {
        return s.status();
    }

    /** PROPOSED → AGREED → IN_DELIVERY → COMPLETED, or DECLINED / CANCELLED; a proposal cannot jump to COMPLETED. */
    public Solution moveTo(SolutionId id, long expectedVersion, SolutionStatus to) {
        return transition(id, expectedVersion, s -> s.moveTo(to));
    }
}
