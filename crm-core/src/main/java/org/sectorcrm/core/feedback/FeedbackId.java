package org.sectorcrm.core.feedback;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Feedback}. */
public record FeedbackId(UUID value) implements Id {
    public FeedbackId {
        if (value == null) {
            throw ValidationException.of("feedback", "id", "is required");
        }
    }

    public static FeedbackId of(String text) {
        return new FeedbackId(org.sectorcrm.core.internal.Uuids.parse("feedback", text));
    }

    @Override
    public String asString() {
        return value.toString();
    }

    @Override
    public String toString() {
        return asString();
    }
}
