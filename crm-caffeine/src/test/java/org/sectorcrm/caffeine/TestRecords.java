package org.sectorcrm.caffeine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;

/** Stored aggregates (with ids and stamps) for tests that drive a storage directly, below {@code Crm}. */
final class TestRecords {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final PartnerId BOARD = new PartnerId(new UUID(0x0193_0000_0000_7000L, 1));
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestRecords() {
    }

    static EmployerId employerId() {
        return new EmployerId(new UUID(0x0193_0000_0000_7000L, 0x8000_0000_0000_0000L | SEQUENCE.incrementAndGet()));
    }

    /** A stored employer at version 1. */
    static Employer employer(String legalName) {
        return Employer.named(legalName).withId(employerId()).withStamp(Stamp.first(NOW, BOARD));
    }

    /** The next version of {@code employer}, renamed: save it over {@code employer.version()}. */
    static Employer renamed(Employer employer, String legalName) {
        return employer.withLegalName(legalName).withStamp(employer.stamp().next(NOW));
    }

    static Contact contact(EmployerId employer, String lastName) {
        return Contact.of(employer, "Pat", lastName).withId(new ContactId(new UUID(0x0193_0000_0000_7000L, SEQUENCE.incrementAndGet())))
                .withStamp(Stamp.first(NOW, BOARD));
    }

    static Region region(String code) {
        return Region.of(code, "Region " + code, RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")).withStamp(Stamp.first(NOW, BOARD));
    }

    static Sector sector(String code) {
        return Sector.of(code, "Sector " + code, List.of("33")).withStamp(Stamp.first(NOW, BOARD));
    }
}
