package org.sectorcrm.core.outcome;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.solution.SolutionId;

/** Which outcome measures a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record OutcomeFilter(EmployerId employer, SolutionId solution, String metricCode) {
    public static final OutcomeFilter ALL = new OutcomeFilter(null, null, null);

    public boolean matches(OutcomeMeasure o) {
        return (employer == null || employer.equals(o.employer()))
                && (solution == null || solution.equals(o.solution()))
                && (metricCode == null || metricCode.equals(o.metric().code()));
    }
}
