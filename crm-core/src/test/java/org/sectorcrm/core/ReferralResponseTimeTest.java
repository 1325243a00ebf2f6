package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.report.ReferralReport;
import org.sectorcrm.core.report.Stats;

/**
 * Referral response and completion times, computed by hand: crm-core records the moment of each move from its clock,
 * an update cannot change it, and a referral stored without it (an older record) is left out of the times.
 */
class ReferralResponseTimeTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final SettableClock clock = new SettableClock(T0);
    private InMemoryCrmStorage storage;
    private Crm crm;
    private StaffUser bo;
    private StaffUser di;
    private Employer acme;

    @BeforeEach
    void setUp() {
        storage = new InMemoryCrmStorage();
        crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(7))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner college = reference.partners().create(Partner.named("College", PartnerKind.COMMUNITY_COLLEGE));
        bo = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo", "bo@board.example", Role.STAFF));
        di = reference.staffUsers().create(StaffUser.of(college.id(), "Di", "di@college.example", Role.STAFF));
        acme = crm.as(bo).employers().create(Employer.named("Acme"));
    }

    private Referral send() {
        return crm.as(bo).referrals().create(Referral.sent(bo.partner(), bo.id(), di.partner(), acme.id(), "training", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 10)));
    }

    private static Stats stats(long n, String mean, String median) {
        return new Stats(n, new BigDecimal(mean), new BigDecimal(median));
    }

    @Test
    void responseAcceptanceCompletionAndDeclineReasonRatesPerPair() {
        var college = crm.as(di).referrals();
        Referral a = send();                       // sent 08:00, accepted 6 h later, completed 2 days after sending
        Referral b = send();                       // sent 08:00, declined 12 h later
        Referral c = send();                       // sent 08:00, declined 30 h later
        Referral d = send();                       // sent 08:00, accepted 48 h later, still accepted
        send();                                    // never answered
        clock.set(T0.plus(Duration.ofHours(6)));
        a = college.accept(a.id(), a.version());
        assertThat(a.respondedAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        clock.set(T0.plus(Duration.ofHours(12)));
        college.decline(b.id(), b.version(), "No capacity");
        clock.set(T0.plus(Duration.ofHours(30)));
        college.decline(c.id(), c.version(), "Out of area");
        clock.set(T0.plus(Duration.ofHours(48)));
        d = college.accept(d.id(), d.version());
        a = college.complete(a.id(), a.version(), "12 trained");
        assertThat(a.completedAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(a.respondedAt()).as("kept from the accept").isEqualTo(T0.plus(Duration.ofHours(6)));

        // an update neither sets nor clears the moments
        Referral edited = college.update(d.withMoments(T0, null).withExternalReference("case-1"));
        assertThat(edited.respondedAt()).isEqualTo(T0.plus(Duration.ofHours(48)));

        ReferralReport.Pair p = crm.as(bo).reports().referrals(LocalDate.of(2026, 6, 30)).pairs().get(0);
        assertThat(p.sent()).isEqualTo(5);
        assertThat(p.accepted()).isEqualTo(2);
        assertThat(p.declined()).isEqualTo(2);
        assertThat(p.completed()).isEqualTo(1);
        assertThat(p.acceptanceRate()).isEqualTo(0.5);   // 2 ÷ (2 + 2)
        assertThat(p.completionRate()).isEqualTo(0.5);   // 1 ÷ 2
        assertThat(p.declineReasonRates()).isEqualTo(Map.of("No capacity", 0.5, "Out of area", 0.5));
        // hours 6, 12, 30, 48: mean 96 ÷ 4 = 24, median (12 + 30) ÷ 2 = 21; in days 1 and 0.875
        assertThat(p.responseHours()).isEqualTo(stats(4, "24", "21"));
        assertThat(p.responseDays()).isEqualTo(stats(4, "1", "0.875"));
        assertThat(p.answeredWithoutMoment()).isZero();
        assertThat(p.completionDays()).isEqualTo(stats(1, "2", "2"));
    }

    @Test
    void aReferralStoredWithoutTheMomentIsLeftOutOfTheTimes() {
        Referral a = send();
        clock.set(T0.plus(Duration.ofHours(3)));
        crm.as(di).referrals().accept(a.id(), a.version());
        Referral old = send();
        // as an earlier release stored it: declined, no respondedAt (written straight to the storage, as a restore would)
        storage.inTransaction(tx -> {
            Referral stored = tx.referrals().find(old.id()).orElseThrow();
            Referral declined = stored.decline("No capacity");
            tx.referrals().save(declined.withStamp(stored.stamp().next(clock.instant())), stored.version());
            return null;
        });
        ReferralReport.Pair p = crm.as(bo).reports().referrals(LocalDate.of(2026, 6, 30)).pairs().get(0);
        assertThat(p.declined()).isEqualTo(1);
        assertThat(p.answeredWithoutMoment()).isEqualTo(1);
        assertThat(p.responseHours()).isEqualTo(stats(1, "3", "3"));
    }

    /** A clock the test moves (no sleeps). */
    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
