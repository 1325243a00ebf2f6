package org.sectorcrm.core.dedupe;

import org.sectorcrm.core.employer.EmployerId;

/** Which reviews a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record DuplicateReviewFilter(EmployerId first, EmployerId second, ReviewDecision decision) {
    public static final DuplicateReviewFilter ALL = new DuplicateReviewFilter(null, null, null);

    public boolean matches(DuplicateReview r) {
        return (first == null || first.equals(r.first()))
                && (second == null || second.equals(r.second()))
                && (decision == null || decision == r.decision());
    }
}
