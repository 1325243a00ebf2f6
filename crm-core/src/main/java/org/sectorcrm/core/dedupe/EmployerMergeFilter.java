package org.sectorcrm.core.dedupe;

import org.sectorcrm.core.employer.EmployerId;

/** Which merge records a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record EmployerMergeFilter(EmployerId survivor) {
    public static final EmployerMergeFilter ALL = new EmployerMergeFilter(null);

    public boolean matches(EmployerMerge m) {
        return survivor == null || survivor.equals(m.survivor());
    }
}
