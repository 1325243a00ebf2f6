package org.sectorcrm.core;

import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.DuplicateReviewFilter;
import org.sectorcrm.core.dedupe.DuplicateReviewId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The reviews of the dedupe scan's candidate pairs. A review's id is always that of its pair
 * ({@link DuplicateReviewId#of(org.sectorcrm.core.employer.EmployerId, org.sectorcrm.core.employer.EmployerId)}), whatever
 * the draft says, so a pair is reviewed once (a second create is a conflict; change the decision by update); the reviewer
 * is the session's user; both employers must exist when the review is first written.
 */
public final class DuplicateReviewOperations extends RecordOperations<DuplicateReviewId, DuplicateReview, DuplicateReviewFilter, DuplicateReview> {
    DuplicateReviewOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.DUPLICATE_REVIEW);
    }

    @Override
    DuplicateReview prepareCreate(Changes changes, DuplicateReview draft) {
        DuplicateReview prepared = prepare(changes, draft, null);
        return assign(prepared, DuplicateReviewId.of(prepared.first(), prepared.second()), Stamp.first(changes.now, actor.partner()));
    }

    @Override
    DuplicateReview prepare(Changes changes, DuplicateReview r, DuplicateReview stored) {
        Check c = Check.of(key());
        if (stored == null) {
            c.that(changes.tx.employers().find(r.first()).isPresent(), "first", "employer " + r.first() + " does not exist");
            c.that(changes.tx.employers().find(r.second()).isPresent(), "second", "employer " + r.second() + " does not exist");
        } else {
            c.that(stored.first().equals(r.first()) && stored.second().equals(r.second()), "first", "and second name the pair: they never change");
        }
        c.throwIfInvalid();
        return r.withDecision(r.decision(), actor.user(), r.comment());
    }
}
