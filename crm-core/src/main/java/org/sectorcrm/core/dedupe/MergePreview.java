package org.sectorcrm.core.dedupe;

import java.util.List;
import java.util.Map;

import org.sectorcrm.core.employer.Employer;

/**
 * What a merge would do, computed without writing: the two employers as stored, the survivor as it would be, each
 * field on which they differ with the value that wins, and how many records of each type would be re-pointed.
 */
public record MergePreview(Employer survivor, Employer merged, Employer result, List<FieldOutcome> fields, Map<String, Long> moving) {
    public MergePreview {
        org.sectorcrm.core.internal.Check c = org.sectorcrm.core.internal.Check.of("mergePreview").require("survivor", survivor).require("merged", merged)
                .require("result", result).require("moving", moving);
        fields = c.list("fields", fields);
        c.throwIfInvalid();
        moving = Map.copyOf(moving);
    }

    /**
     * One differing field: the survivor's and the merged record's values (as text), which side won
     * ({@code SURVIVOR}, {@code MERGED}, or {@code BOTH} for joined lists) and the value the survivor will have.
     */
    public record FieldOutcome(String field, String survivorValue, String mergedValue, String winner, String result) {
    }
}
