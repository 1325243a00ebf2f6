package org.sectorcrm.core.feedback;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.solution.SolutionId;

/** An employer's satisfaction (1 to 5, with an optional comment) with an engagement or a solution. */
public record Feedback(FeedbackId id, Stamp stamp, EmployerId employer, EngagementId engagement, SolutionId solution, int rating,
        String comment) implements Aggregate<FeedbackId> {
    public Feedback {
        Check.of("feedback").require("employer", employer)
                .that(engagement != null || solution != null, "engagement", "or solution is required: feedback is about one of them")
                .that(rating >= 1 && rating <= 5, "rating", "must be 1 to 5 but was " + rating)
                .optionalText("comment", comment, Limits.DESCRIPTION).throwIfInvalid();
    }

    public Feedback withId(FeedbackId id) {
        return new Feedback(id, stamp, employer, engagement, solution, rating, comment);
    }

    public Feedback withStamp(Stamp stamp) {
        return new Feedback(id, stamp, employer, engagement, solution, rating, comment);
    }
}
