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
        return agreedDay(s, stored, changes.now);
    }

    /**
     * {@code s} with its agreement date: the one given; else the stored one (an update that leaves it out keeps it);
     * else, once the status is AGREED or later, the day of {@code now}: the status first became AGREED or later.
     * Restores write to the storage directly, so a restored record keeps what its file says, none included.
     */
    private Solution agreedDay(Solution s, Solution stored, java.time.Instant now) {
        if (s.agreedOn() != null) {
            return s;
        }
        if (stored != null && stored.agreedOn() != null) {
            return s.withAgreedOn(stored.agreedOn());
        }
        return s.agreedOrLater() ? s.withAgreedOn(java.time.LocalDate.ofInstant(now, crm.clock().getZone())) : s;
    }

    @Override
    Object statusOf(Solution s) {
        return s.status();
    }

    /** PROPOSED → AGREED → IN_DELIVERY → COMPLETED, or DECLINED / CANCELLED; a proposal cannot jump to COMPLETED. */
    public Solution moveTo(SolutionId id, long expectedVersion, SolutionStatus to) {
        return moveTo(id, expectedVersion, to, null);
    }

    /**
     * {@link #moveTo(SolutionId, long, SolutionStatus)} saying when the employer agreed ({@code agreedOn}; null: the
     * stored day, else today when the move is to AGREED or later).
     */
    public Solution moveTo(SolutionId id, long expectedVersion, SolutionStatus to, java.time.LocalDate agreedOn) {
        return transition(id, expectedVersion, s -> {
            Solution moved = s.moveTo(to);
            return agreedDay(agreedOn == null ? moved : moved.withAgreedOn(agreedOn), s, crm.clock().instant());
        });
    }
}
