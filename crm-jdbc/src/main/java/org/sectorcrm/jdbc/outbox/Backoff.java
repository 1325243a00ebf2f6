package org.sectorcrm.jdbc.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a consumer waits after its n-th failure in a row: {@code first}, doubled each time, never more than {@code max}.
 * Without jitter on purpose: the dispatcher's lease already keeps the nodes from retrying together, and a
 * deterministic schedule is what the tests and the delivery log can show.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first back-off must be positive but was " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest back-off (" + max + ") is shorter than the first (" + first + ")");
        }
    }

    /** 10 seconds, doubling up to one hour: an endpoint down for a night gets about 20 tries. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));
    }

    public static Backoff exponential(Duration first, Duration max) {
        return new Backoff(first, max);
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1 but was " + failures);
        }
        Duration d = first;
        for (int i = 1; i < failures; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(max) >= 0) {
                return max;
            }
        }
        return d;
    }
}
