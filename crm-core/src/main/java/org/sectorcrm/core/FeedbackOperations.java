package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Employer feedback (satisfaction 1-5) on engagements and solutions. */
public final class FeedbackOperations extends RecordOperations<FeedbackId, Feedback, FeedbackFilter, Feedback> {
    FeedbackOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.FEEDBACK);
    }

    @Override
    Feedback prepare(Changes changes, Feedback f, Feedback stored) {
        requireEmployer(changes, key(), f.employer());
        if (f.engagement() != null && changes.tx.engagements().find(f.engagement()).filter(e -> e.employer().equals(f.employer())).isEmpty()) {
            throw ValidationException.of(key(), "engagement", "engagement " + f.engagement() + " is not an engagement of employer " + f.employer());
        }
        if (f.solution() != null && changes.tx.solutions().find(f.solution()).isEmpty()) {
            throw ValidationException.of(key(), "solution", "solution " + f.solution() + " does not exist");
        }
        return f;
    }

    /** The employer a record points to must exist: a clear error on the field instead of a storage failure. */
    static void requireEmployer(Changes changes, String record, org.sectorcrm.core.employer.EmployerId employer) {
        if (employer != null && changes.tx.employers().find(employer).isEmpty()) {
            throw ValidationException.of(record, "employer", "employer " + employer + " does not exist");
        }
    }
}
