package org.sectorcrm.core.dedupe;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * A reviewer's decision about a candidate pair of employers from the dedupe scan. {@code first} sorts before
 * {@code second} (by id text), so a pair has one form. The employers are not references a store enforces: a review is
 * about a pair of ids and outlives a merge or delete of either (the scan skips ids that no longer resolve).
 */
public record DuplicateReview(DuplicateReviewId id, Stamp stamp, EmployerId first, EmployerId second, ReviewDecision decision,
        StaffUserId reviewer, String comment) implements Aggregate<DuplicateReviewId> {
    public DuplicateReview {
        Check c = Check.of("duplicateReview").require("first", first).require("second", second).require("decision", decision)
                .require("reviewer", reviewer).optionalText("comment", comment, Limits.DESCRIPTION);
        c.throwIfInvalid();
        c.that(first.asString().compareTo(second.asString()) < 0, "second",
                "must sort after first (" + first + ") and differ from it; give the pair as first < second").throwIfInvalid();
    }

    /** A draft review of the pair {@code a}, {@code b} in either order, with the id of that pair. */
    public static DuplicateReview of(EmployerId a, EmployerId b, ReviewDecision decision, StaffUserId reviewer, String comment) {
        boolean inOrder = a != null && b != null && a.asString().compareTo(b.asString()) <= 0;
        EmployerId first = inOrder ? a : b;
        EmployerId second = inOrder ? b : a;
        return new DuplicateReview(first == null || second == null ? null : DuplicateReviewId.of(first, second), null, first, second, decision,
                reviewer, comment);
    }

    public boolean concerns(EmployerId employer) {
        return first.equals(employer) || second.equals(employer);
    }

    public DuplicateReview withId(DuplicateReviewId id) {
        return new DuplicateReview(id, stamp, first, second, decision, reviewer, comment);
    }

    public DuplicateReview withStamp(Stamp stamp) {
        return new DuplicateReview(id, stamp, first, second, decision, reviewer, comment);
    }

    public DuplicateReview withDecision(ReviewDecision decision, StaffUserId reviewer, String comment) {
        return new DuplicateReview(id, stamp, first, second, decision, reviewer, comment);
    }
}
