package org.sectorcrm.core.dedupe;

/** What a reviewer decided about a candidate pair of employers. */
public enum ReviewDecision {
    /** Two employers: the scan never proposes the pair again. */
    NOT_DUPLICATE,
    /** One employer: the pair stays proposed (with this decision) until it is merged. */
    DUPLICATE,
    /** Not decided yet: the pair stays proposed, marked as seen. */
    LATER
}
