package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void makesVersion7UuidsThatSortInCreationOrderAsText() {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC), new Random(1));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than the 4,096 a millisecond holds
            UUID id = ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            made.add(id.toString());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void isReproducibleFromAClockAndASeed() {
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
        IdGenerator a = IdGenerator.timeOrdered(clock, new Random(42));
        IdGenerator b = IdGenerator.timeOrdered(clock, new Random(42));
        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }
}
