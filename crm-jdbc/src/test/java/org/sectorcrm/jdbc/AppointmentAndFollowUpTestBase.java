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
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Appointments;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.StaffUsers;

/**
 * The columns SPI 2 added, on one engine: an appointment's filter in SQL (the time window exact to the
 * nanosecond where the engine's timestamps stop at the microsecond, the attendee as organiser or staff row), and
 * engagements by follow-up due date. Each query is compared with the filter's own {@code matches}.
 */
abstract class AppointmentAndFollowUpTestBase {
    private JdbcCrmStorage storage;

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        storage = db().fresh();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** A scheduled hour at a place and behind a video link, with a contact and a staff member attending. */
    private static Appointments.Builder anHour(EmployerId employer, PartnerId partner, StaffUserId organizer, LocalDateTime start, ZoneId zone) {
        return Appointments.anAppointment().with(employer).organisedBy(partner, organizer).in(zone).from(start).lasting(60)
                .at("1 Industrial Way, Rockford", "https://meet.example/acme").attendedBy(Set.of(Fixtures.contactId()), Set.of(Fixtures.staffUserId()));
    }

    @Test
    void appointmentFiltersSelectWhatMatchesAcceptsToTheNanosecond() {
        Partner p1 = Partners.aPartner().build();
        Partner p2 = Partners.aPartner().build();
        StaffUser u1 = StaffUsers.aStaffUser().of(p1.id()).build();
        StaffUser u2 = StaffUsers.aStaffUser().of(p2.id()).build();
        Employer e1 = Employers.anEmployer().build();
        Employer e2 = Employers.anEmployer().build();
        ZoneId chicago = ZoneId.of("America/Chicago");
        var referral = Fixtures.referralId();
        // Starts 500 ns after 10:00: below the microsecond that PostgreSQL and MariaDB keep.
        Appointment a1 = anHour(e1.id(), p1.id(), u1.id(), LocalDateTime.of(2026, 3, 10, 10, 0, 0, 500), chicago)
                .attendedBy(Set.of(), Set.of(u2.id())).about(referral, null, null).build();
        Appointment a2 = anHour(e1.id(), p2.id(), u2.id(), LocalDateTime.of(2026, 3, 10, 11, 0), chicago).build().cancel("Snow");
        Appointment a3 = anHour(e2.id(), p1.id(), u1.id(), LocalDateTime.of(2026, 3, 8, 1, 30), ZoneId.of("Asia/Kolkata")).build();
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
                AppointmentFilter.calendarOf(u1.id()), AppointmentFilter.calendarOf(u2.id()), AppointmentFilter.calendarOf(Fixtures.staffUserId()),
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
                .withStamp(a1.stamp().next(Fixtures.NOW));
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
        Partner p = Partners.aPartner().build();
        Partner other = Partners.aPartner().build();
        StaffUser u = StaffUsers.aStaffUser().of(p.id()).build();
        Employer e = Employers.anEmployer().build();
        List<Engagement> engagements = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            // Dated Jan 15; follow-ups due Feb 1 to Feb 3, and one without a follow-up.
            engagements.add(Engagements.anEngagement().forEmployer(e.id()).by(u.id(), p.id()).on(LocalDate.of(2026, 1, 15))
                    .followUpDue(day == 3 ? null : LocalDate.of(2026, 2, 1 + day)).build());
        }
        engagements.add(Engagements.anEngagement().forEmployer(e.id()).by(u.id(), other.id()).on(LocalDate.of(2026, 1, 15))
                .followUpDue(LocalDate.of(2026, 2, 1)).build());
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
        Engagement done = engagements.get(0).withFollowUpDue(null).withStamp(engagements.get(0).stamp().next(Fixtures.NOW));
        storage.inTransaction(tx -> {
            tx.engagements().save(done, 1);
            return null;
        });
        assertThat(storage.read((StorageTransaction tx) -> tx.engagements().count(EngagementFilter.followUpsDue(p.id(), LocalDate.of(2026, 2, 1))))).isZero();
    }
}
