package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The columns SPI 2 added, on one engine: an appointment's filter in SQL (the time window exact to the
 * nanosecond where the engine's timestamps stop at the microsecond, the attendee as organiser or staff row), and
 * engagements by follow-up due date. Each query is compared with the filter's own {@code matches}.
 */
abstract class AppointmentAndFollowUpTestBase {
    private JdbcCrmStorage storage;
    private final Samples samples = new Samples(11);

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        storage = db().fresh();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void appointmentFiltersSelectWhatMatchesAcceptsToTheNanosecond() {
        Partner p1 = samples.partner();
        Partner p2 = samples.partner();
        StaffUser u1 = samples.staff(p1.id());
        StaffUser u2 = samples.staff(p2.id());
        Employer e1 = samples.employer();
        Employer e2 = samples.employer();
        ZoneId chicago = ZoneId.of("America/Chicago");
        ReferralId referral = new ReferralId(samples.uuid());
        // Starts 500 ns after 10:00: below the microsecond that PostgreSQL and MariaDB keep.
        Appointment a1 = samples.appointment(e1.id(), p1.id(), u1.id(), LocalDateTime.of(2026, 3, 10, 10, 0, 0, 500), chicago)
                .attendedBy(Set.of(), Set.of(u2.id())).about(referral, null, null);
        Appointment a2 = samples.appointment(e1.id(), p2.id(), u2.id(), LocalDateTime.of(2026, 3, 10, 11, 0), chicago).cancel("Snow");
        Appointment a3 = samples.appointment(e2.id(), p1.id(), u1.id(), LocalDateTime.of(2026, 3, 8, 1, 30), ZoneId.of("Asia/Kolkata"));
        List<Appointment> all = List.of(a1, a2, a3);
        storage.inTransaction(tx -> {
            tx.partners().save(p1, 0);
            tx.partners().save(p2, 0);
            tx.staffUsers().save(u1, 0);
            tx.staffUsers().save(u2, 0);
            tx.employers().save(e1, 0);
            tx.employers().save(e2, 0);
            all.forEach(a -> tx.store(AggregateTypes.APPOINTMENT).save(a, 0));
            return null;
        });
        Instant start = a1.startsAt();
        Instant end = a1.endsAt();
        List<AppointmentFilter> filters = List.of(AppointmentFilter.ALL, new AppointmentFilter(e1.id(), null, null, null, null, null, null),
                new AppointmentFilter(null, referral, null, null, null, null, null), new AppointmentFilter(null, null, p2.id(), null, null, null, null),
                AppointmentFilter.calendarOf(u1.id()), AppointmentFilter.calendarOf(u2.id()), AppointmentFilter.calendarOf(new org.sectorcrm.core.reference.StaffUserId(samples.uuid())),
                new AppointmentFilter(null, null, null, null, AppointmentStatus.CANCELLED, null, null),
                window(end, null), window(end.minusNanos(1), null), window(end.minusNanos(1000), null), window(end.plusNanos(1), null),
                window(null, start), window(null, start.plusNanos(1)), window(null, start.minusNanos(500)), window(null, start.plusNanos(499)),
                window(start, end), window(start.minusSeconds(3600 * 24 * 3), start.minusSeconds(3600 * 24)),
                new AppointmentFilter(e1.id(), null, null, u2.id(), AppointmentStatus.SCHEDULED, end.minusNanos(1), start.plusNanos(1)));
        for (AppointmentFilter f : filters) {
            List<Appointment> expected = all.stream().filter(f::matches).sorted(Comparator.comparing(a -> a.id().asString())).toList();
            assertThat(storage.read((StorageTransaction tx) -> StoreTestBase.all(tx.store(AggregateTypes.APPOINTMENT), f, 1))).as("query %s", f).containsExactlyElementsOf(expected);
            assertThat(storage.read((StorageTransaction tx) -> tx.store(AggregateTypes.APPOINTMENT).count(f))).as("count %s", f).isEqualTo(expected.size());
        }
        assertThat(storage.read((StorageTransaction tx) -> tx.store(AggregateTypes.APPOINTMENT).find(a1.id()))).contains(a1);

        // A reschedule rewrites the columns and the staff rows.
        Appointment moved = a1.reschedule(LocalDateTime.of(2026, 4, 1, 9, 0), LocalDateTime.of(2026, 4, 1, 9, 30), chicago).attendedBy(Set.of(), Set.of())
                .withStamp(a1.stamp().next(Samples.NOW));
        storage.inTransaction(tx -> {
            tx.store(AggregateTypes.APPOINTMENT).save(moved, 1);
            return null;
        });
        assertThat(storage.read((StorageTransaction tx) -> tx.store(AggregateTypes.APPOINTMENT).count(AppointmentFilter.calendarOf(u2.id())))).isEqualTo(1);
        assertThat(storage.read((StorageTransaction tx) -> tx.store(AggregateTypes.APPOINTMENT).count(window(end.minusNanos(1), start.plusNanos(1))))).isZero();
        assertThat(storage.read((StorageTransaction tx) -> tx.store(AggregateTypes.APPOINTMENT).query(window(moved.startsAt(), moved.endsAt()), org.sectorcrm.core.PageRequest.first())
                .items())).containsExactly(moved);

        // The employer is referenced by its appointments, which the conflict names.
        Throwable referenced = org.assertj.core.api.Assertions.catchThrowable(() -> storage.inTransaction(tx -> {
            tx.employers().delete(e2.id(), 1);
            return null;
        }));
        assertThat(referenced).isInstanceOf(ConflictException.class).hasMessageContaining("appointments");
    }

    private static AppointmentFilter window(Instant from, Instant to) {
        return new AppointmentFilter(null, null, null, null, null, from, to);
    }

    @Test
    void followUpsDueAreThoseDueOnOrBeforeTheDay() {
        Partner p = samples.partner();
        Partner other = samples.partner();
        StaffUser u = samples.staff(p.id());
        Employer e = samples.employer();
        List<Engagement> engagements = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            // Dated Jan 15; follow-ups due Feb 1 to Feb 3, and one without a follow-up.
            Engagement g = samples.engagement(e.id(), p.id(), u.id());
            engagements.add(day == 3 ? g.withFollowUpDue(null) : g.withFollowUpDue(LocalDate.of(2026, 2, 1 + day)));
        }
        engagements.add(samples.engagement(e.id(), other.id(), u.id()).withFollowUpDue(LocalDate.of(2026, 2, 1)));
        storage.inTransaction(tx -> {
            tx.partners().save(p, 0);
            tx.partners().save(other, 0);
            tx.staffUsers().save(u, 0);
            tx.employers().save(e, 0);
            engagements.forEach(g -> tx.engagements().save(g, 0));
            return null;
        });
        for (LocalDate day : List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 12, 31))) {
            for (EngagementFilter f : List.of(EngagementFilter.followUpsDue(p.id(), day), EngagementFilter.followUpsDue(null, day))) {
                List<Engagement> expected = engagements.stream().filter(f::matches).sorted(Comparator.comparing(g -> g.id().asString())).toList();
                assertThat(storage.read((StorageTransaction tx) -> StoreTestBase.all(tx.engagements(), f, 2))).as("query %s", f)
                        .containsExactlyElementsOf(expected);
                assertThat(storage.read((StorageTransaction tx) -> tx.engagements().count(f))).as("count %s", f).isEqualTo(expected.size());
            }
        }
        // Moving the follow-up moves the engagement out of the list.
        Engagement done = engagements.get(0).withFollowUpDue(null).withStamp(engagements.get(0).stamp().next(Samples.NOW));
        storage.inTransaction(tx -> {
            tx.engagements().save(done, 1);
            return null;
        });
        assertThat(storage.read((StorageTransaction tx) -> tx.engagements().count(EngagementFilter.followUpsDue(p.id(), LocalDate.of(2026, 2, 1))))).isZero();
    }
}
