package org.sectorcrm.core.matching;

import java.util.List;

/**
 * The verdict on one pair: the level, a score in [0, 1] (at or above the company threshold exactly when the level is
 * not {@link MatchLevel#NONE}) and the evidence, in words ("same FEIN", "name 0.93", "same street number + same ZIP").
 */
public record MatchResult(MatchLevel level, double score, List<String> reasons) {
    public MatchResult {
        if (level == null) {
            throw org.sectorcrm.core.ValidationException.of("match result", "level", "is required");
        }
        if (!(score >= 0 && score <= 1)) {
            throw org.sectorcrm.core.ValidationException.of("match result", "score", "must be in [0, 1] but was " + score);
        }
        reasons = List.copyOf(reasons);
    }

    public boolean isMatch() {
        return level != MatchLevel.NONE;
    }

    /** The reasons joined the way reports print them: "name 0.93 + same street number + same ZIP". */
    public String explanation() {
        return String.join(" + ", reasons);
    }
}
