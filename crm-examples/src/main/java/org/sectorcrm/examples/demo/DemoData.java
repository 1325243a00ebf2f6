package org.sectorcrm.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * A realistic demo region, the same on every run for one seed: ids come from a fixed clock and a seeded random
 * source, and everything is written through the {@link Crm} API so every domain rule holds.
 */
public final class DemoData {
    /** The instant the demo's ids and stamps are dated from. */
    public static final Instant EPOCH = Instant.parse("2026-01-05T14:00:00Z");
    private final long seed;

    public DemoData(long seed) {
        this.seed = seed;
    }

    /** Fills an empty store; returns its admin (e-mail {@code adminEmail}). */
    public StaffUser load(CrmStorage storage, String adminEmail) {
        Clock clock = Clock.fixed(EPOCH, ZoneOffset.UTC);
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(seed))).build();
        return crm.bootstrap(Partner.named("Northern Illinois Workforce Board", PartnerKind.WORKFORCE_BOARD), "Demo Administrator", adminEmail);
    }
}
