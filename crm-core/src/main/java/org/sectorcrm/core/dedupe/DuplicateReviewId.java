package org.sectorcrm.core.dedupe;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.EmployerId;

/**
 * Identifies a {@link DuplicateReview}. The review of a pair has the id {@link #of(EmployerId, EmployerId)}, a name-based
 * UUID of the two employer ids in order, so "is this pair reviewed?" is one read by id on every store and a pair never
 * has two reviews (no unique key needed; a pair of UUIDs is longer than the 64 characters an id may have).
 */
public record DuplicateReviewId(UUID value) implements Id {
    public DuplicateReviewId {
        if (value == null) {
            throw ValidationException.of("duplicateReview", "id", "is required");
        }
    }

    public static DuplicateReviewId of(String text) {
        return new DuplicateReviewId(org.sectorcrm.core.internal.Uuids.parse("duplicateReview", text));
    }

    /** The id of the review of the pair {@code a}, {@code b} (in either order). */
    public static DuplicateReviewId of(EmployerId a, EmployerId b) {
        String first = a.asString().compareTo(b.asString()) <= 0 ? a.asString() : b.asString();
        String second = first.equals(a.asString()) ? b.asString() : a.asString();
        return new DuplicateReviewId(UUID.nameUUIDFromBytes(("duplicateReview:" + first + ":" + second).getBytes(StandardCharsets.UTF_8)));
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
