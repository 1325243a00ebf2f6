package org.sectorcrm.core.feedback;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.solution.SolutionId;

/** Which feedback a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record FeedbackFilter(EmployerId employer, EngagementId engagement, SolutionId solution) {
    public static final FeedbackFilter ALL = new FeedbackFilter(null, null, null);

    public boolean matches(Feedback f) {
        return (employer == null || employer.equals(f.employer()))
                && (engagement == null || engagement.equals(f.engagement()))
                && (solution == null || solution.equals(f.solution()));
    }
}
