package org.sectorcrm.caffeine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.type.AggregateTypes;

/** The load guard works per stripe of keys: a write elsewhere does not stop a racing load from being cached. */
class AggregateCacheTest {
    private final AggregateCache cache = new AggregateCache(100, Map.of(), null, null, Runnable::run);
    private final AtomicInteger loads = new AtomicInteger();

    private static EmployerId id(long n) {
        return new EmployerId(new UUID(0x0193_0000_0000_7000L, 0x8000_0000_0000_0000L | n));
    }

    private Function<EmployerId, Optional<Employer>> database() {
        return id -> {
            loads.incrementAndGet();
            return Optional.of(Employer.named("Employer " + id).withId(id)
                    .withStamp(Stamp.first(Instant.parse("2026-11-22T10:00:00Z"), new PartnerId(new UUID(1, 1)))));
        };
    }

    private static AggregateCache.Key key(EmployerId id) {
        return new AggregateCache.Key(AggregateTypes.EMPLOYER, id);
    }

    /** The first id after {@code a} whose stripe is (or is not) {@code a}'s. */
    private static EmployerId another(EmployerId a, boolean sameStripe) {
        for (long n = 1; ; n++) {
            EmployerId b = id(n);
            if (!b.equals(a) && (AggregateCache.stripeOf(key(b)) == AggregateCache.stripeOf(key(a))) == sameStripe) {
                return b;
            }
        }
    }

    @Test
    void aLoadRacingAWriteToAnotherStripeIsCached() {
        EmployerId a = id(0);
        long readStart = cache.readStart();
        cache.invalidate(List.of(key(another(a, false))));

        cache.find(AggregateTypes.EMPLOYER, a, readStart, database());
        cache.find(AggregateTypes.EMPLOYER, a, cache.readStart(), database());

        assertThat(loads).hasValue(1);
        assertThat(cache.stats().hitCount()).isEqualTo(1);
    }

    @Test
    void aLoadRacingAWriteToTheSameStripeIsNotCached() {
        EmployerId a = id(0);
        long readStart = cache.readStart();
        cache.invalidate(List.of(key(another(a, true))));

        cache.find(AggregateTypes.EMPLOYER, a, readStart, database());
        cache.find(AggregateTypes.EMPLOYER, a, cache.readStart(), database());

        assertThat(loads).as("the first load was not kept: it might have been stale").hasValue(2);
        cache.find(AggregateTypes.EMPLOYER, a, cache.readStart(), database());
        assertThat(loads).as("the second, begun after the write, was").hasValue(2);
    }

    @Test
    void aWriteWithNothingWrittenChangesNothing() {
        EmployerId a = id(0);
        long readStart = cache.readStart();
        cache.invalidate(List.of());

        assertThat(cache.readStart()).isEqualTo(readStart);
        cache.find(AggregateTypes.EMPLOYER, a, readStart, database());
        cache.find(AggregateTypes.EMPLOYER, a, readStart, database());
        assertThat(loads).hasValue(1);
    }
}
