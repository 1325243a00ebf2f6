package org.sectorcrm.core.dedupe;

import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * The tombstone of a merged employer: which employer it was merged into, the merged record exactly as it was (it is
 * deleted from the employers), the survivor before and right after the merge, and every record re-pointed, so that
 * {@code unmerge} restores both and the old id still resolves to the survivor. Merge writes it with the merged employer's
 * UUID as its id.
 */
public record EmployerMerge(EmployerMergeId id, Stamp stamp, EmployerId survivor, Employer merged, Employer survivorBefore,
        Employer survivorAfter, List<MovedRecord> moved, StaffUserId mergedBy) implements Aggregate<EmployerMergeId> {
    public EmployerMerge {
        Check c = Check.of("employerMerge").require("survivor", survivor).require("merged", merged).require("survivorBefore", survivorBefore)
                .require("survivorAfter", survivorAfter).require("mergedBy", mergedBy);
        moved = c.list("moved", moved);
        c.throwIfInvalid();
        c.that(merged.id() != null && merged.stamp() != null, "merged", "must be a stored employer (with id and stamp)")
                .that(survivorBefore.id() != null && survivorBefore.stamp() != null && survivorAfter.stamp() != null
                        && survivorBefore.id().equals(survivorAfter.id()), "survivorBefore", "and survivorAfter must be one stored employer")
                .that(merged.id() == null || !merged.id().equals(survivorBefore.id()), "merged", "cannot be merged into itself")
                .throwIfInvalid();
        // The id is the merged employer's as merge writes it ({@link EmployerMergeId#of(EmployerId)}); a store holds any id.
    }

    /** The merged employer's id (the old id that now resolves to {@link #survivor}). */
    public EmployerId mergedId() {
        return merged.id();
    }

    public EmployerMerge withId(EmployerMergeId id) {
        return new EmployerMerge(id, stamp, survivor, merged, survivorBefore, survivorAfter, moved, mergedBy);
    }

    public EmployerMerge withStamp(Stamp stamp) {
        return new EmployerMerge(id, stamp, survivor, merged, survivorBefore, survivorAfter, moved, mergedBy);
    }

    /** This record pointing to another survivor: when the survivor is itself merged later, the tombstone follows it. */
    public EmployerMerge withSurvivor(EmployerId survivor) {
        return new EmployerMerge(id, stamp, survivor, merged, survivorBefore, survivorAfter, moved, mergedBy);
    }
}
