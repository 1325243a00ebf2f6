package org.sectorcrm.core.matching;

/** A scored candidate pair of a {@link MatchRun}: positions in the record list ({@code first < second}) and the verdict. */
public record MatchPair(int first, int second, MatchResult result) {
    public MatchPair {
        if (first < 0 || second <= first) {
            throw org.sectorcrm.core.ValidationException.of("match pair", "second", "need 0 <= first < second but were " + first + ", " + second);
        }
        if (result == null) {
            throw org.sectorcrm.core.ValidationException.of("match pair", "result", "is required");
        }
    }
}
