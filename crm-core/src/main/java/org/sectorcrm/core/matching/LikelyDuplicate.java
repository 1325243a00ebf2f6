package org.sectorcrm.core.matching;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.internal.Check;

/**
 * A stored employer that a new one may duplicate, with the matcher's verdict ({@link MatchResult#reasons()}: "same FEIN",
 * "name 0.93 + same street number + same ZIP"). The level is {@link MatchLevel#ESTABLISHMENT} when the new record's
 * worksite is one of the stored employer's, {@link MatchLevel#COMPANY} when it is the same employer elsewhere.
 */
public record LikelyDuplicate(Employer employer, MatchResult result) {
    public LikelyDuplicate {
        Check.of("likely duplicate").require("employer", employer).require("result", result).throwIfInvalid();
    }
}
