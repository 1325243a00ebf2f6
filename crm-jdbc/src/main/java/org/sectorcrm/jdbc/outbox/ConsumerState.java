package org.sectorcrm.jdbc.outbox;

import java.time.Instant;

/**
 * A consumer as its row stands: the last sequence it handled, who holds its lease until when (null and
 * {@link Instant#EPOCH} when nobody does), how many attempts in a row failed, when it may try again and why the last
 * attempt failed.
 */
public record ConsumerState(String name, long cursor, String leaseOwner, Instant leaseUntil, int failures, Instant retryAt, String lastError,
        Instant updatedAt) {
}
