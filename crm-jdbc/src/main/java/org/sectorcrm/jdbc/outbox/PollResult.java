package org.sectorcrm.jdbc.outbox;

import java.time.Instant;

/**
 * What one {@link OutboxDispatcher#poll} did.
 *
 * @param outcome  what happened
 * @param handled  how many events the handler finished (the cursor moved past them)
 * @param cursor   the consumer's cursor afterwards (as this node knows it)
 * @param more     whether the batch was full, so that more events may be waiting
 * @param failures the failures in a row after this poll (0 unless {@link Outcome#FAILED} or {@link Outcome#BACKING_OFF})
 * @param retryAt  when the consumer may try again ({@link Outcome#FAILED}, {@link Outcome#BACKING_OFF}), or when the other
 *                 node's lease ends ({@link Outcome#LEASED_ELSEWHERE}); otherwise null
 * @param error    the handler's failure ({@link Outcome#FAILED}), otherwise null
 */
public record PollResult(Outcome outcome, int handled, long cursor, boolean more, int failures, Instant retryAt, String error) {

    public enum Outcome {
        /** Events were handled, and none failed. */
        DELIVERED,
        /** Nothing new after the cursor. */
        IDLE,
        /** The handler failed on the event after the cursor; the events before it in the batch were handled. */
        FAILED,
        /** An earlier failure's back-off has not run out: nothing was tried. */
        BACKING_OFF,
        /** Another node holds the lease: nothing was tried. */
        LEASED_ELSEWHERE,
        /** The lease ran out while the handler worked (and another node took it): this node stopped. */
        LEASE_LOST
    }
}
