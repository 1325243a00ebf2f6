package org.sectorcrm.core.dedupe;

import java.util.List;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.matching.MatchLevel;

/**
 * A candidate pair of stored employers from the dedupe scan: {@code first} sorts before {@code second} by id, with the
 * matcher's level, score and reasons, and the review decision already recorded for the pair (null when none).
 */
public record CandidatePair(Employer first, Employer second, MatchLevel level, double score, List<String> reasons, ReviewDecision review) {
    public CandidatePair {
        org.sectorcrm.core.internal.Check c = org.sectorcrm.core.internal.Check.of("candidatePair").require("first", first).require("second", second)
                .require("level", level);
        reasons = c.list("reasons", reasons);
        c.throwIfInvalid();
    }

    /** The reasons as one line: "name 0.93 + same street number + same ZIP". */
    public String explanation() {
        return String.join(" + ", reasons);
    }
}
