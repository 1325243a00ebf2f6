package org.sectorcrm.core;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the UUIDs behind every id. Injectable so that demo data and tests are reproducible.
 * {@link #timeOrdered} yields RFC 9562 version-7 UUIDs: the first 48 bits are milliseconds since the
 * epoch, so ids sort in creation order and B-tree indexes stay append-mostly.
 */
@FunctionalInterface
public interface IdGenerator {
    UUID next();

    /** UUID v7 from the system clock and a secure random source. */
    static IdGenerator timeOrdered() {
        return timeOrdered(Clock.systemUTC(), new java.security.SecureRandom());
    }

    /**
     * UUID v7 from the given clock and random source; with a fixed clock and a seeded {@link Random} the
     * sequence is the same on every run. Within one millisecond a counter keeps ids strictly increasing.
     */
    static IdGenerator timeOrdered(Clock clock, Random random) {
        AtomicLong last = new AtomicLong(-1);
        return () -> {
            long millis = clock.millis();
            // Monotonic: a clock that stands still or steps back never yields a smaller id prefix.
            long stamp = last.updateAndGet(prev -> Math.max(prev + 1, millis << 12)) ;
            long ms = stamp >>> 12;
            long seq = stamp & 0xFFF;
            long msb = (ms << 16) | 0x7000L | seq;
            long lsb;
            synchronized (random) {
                lsb = random.nextLong();
            }
            lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        };
    }
}
