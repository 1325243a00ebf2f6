package org.sectorcrm.tck.internal.kinds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Appointments;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of appointment records to test them: fixtures in three variants, a change, a filter data set. */
public final class AppointmentKit implements KindSpec<AppointmentId, Appointment, AppointmentFilter> {
    @Override
    public Appointment typical(Parents p) {
        return Appointments.anAppointment().with(p.employer()).build();
    }

    @Override
    public Appointment full(Parents p) {
        return Appointments.aFullAppointment().with(p.employer()).build();
    }

    @Override
    public Appointment minimal(Parents p) {
        return Appointments.aMinimalAppointment().with(p.employer()).build();
    }

    @Override
    public Appointment change(Appointment a) {
        return a.titled(KindSpec.renamed(a.title()));
    }

    /**
     * Times in three zones so that the window is compared on the time line, not on local clock readings, with an
     * appointment that ends exactly at the window's start and one that starts exactly at its end (both outside).
     */
    @Override
    public Prepared<Appointment, AppointmentFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        PartnerId p1 = Fixtures.partnerId();
        PartnerId p2 = Fixtures.partnerId();
        StaffUserId ada = Fixtures.staffUserId();
        StaffUserId bo = Fixtures.staffUserId();
        StaffUserId cy = Fixtures.staffUserId();
        ReferralId r1 = Fixtures.referralId();
        ZoneId chicago = ZoneId.of("America/Chicago");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // The window: 2026-04-01 15:00Z .. 17:00Z (10:00..12:00 in Chicago, CDT = UTC-5).
        Instant from = Instant.parse("2026-04-01T15:00:00Z");
        Instant to = Instant.parse("2026-04-01T17:00:00Z");
        LocalDateTime day = LocalDateTime.of(2026, 4, 1, 0, 0);
        List<Appointment> rows = Writes.insert(storage, Kinds.of(AggregateTypes.APPOINTMENT),
                // 10:00-11:00 Chicago: inside
                Appointments.anAppointment().with(e1).organisedBy(p1, ada).in(chicago).from(day.withHour(10)).lasting(60)
                        .about(r1, null, null).build(),
                // 09:00-10:00 Chicago: ends exactly at the window's start, outside
                Appointments.anAppointment().with(e1).organisedBy(p1, bo).in(chicago).from(day.withHour(9)).lasting(60)
                        .attendedBy(Set.of(), Set.of(ada)).inStatus(AppointmentStatus.NO_SHOW).build(),
                // 19:00-20:00 Berlin (CEST = UTC+2) = 17:00-18:00Z: starts exactly at the window's end, outside
                Appointments.anAppointment().with(e2).organisedBy(p2, cy).in(berlin).from(day.withHour(19)).lasting(60)
                        .cancelled("The plant closed for the holiday").build(),
                // 16:30-18:30 Berlin = 14:30-16:30Z: overlaps the window's start
                Appointments.anAppointment().with(e2).organisedBy(p2, cy).in(berlin).from(day.withHour(16).withMinute(30)).lasting(120)
                        .attendedBy(Set.of(), Set.of(bo)).about(r1, null, null).held(null).build());
        return new Prepared<>(rows, new Cases<AppointmentFilter>()
                .field("employer", v -> new AppointmentFilter(v, null, null, null, null, null, null), e1, e2, Fixtures.employerId())
                .field("referral", v -> new AppointmentFilter(null, v, null, null, null, null, null), r1, Fixtures.referralId())
                .field("organizerPartner", v -> new AppointmentFilter(null, null, v, null, null, null, null), p1, p2, Fixtures.partnerId())
                .field("attendee", v -> new AppointmentFilter(null, null, null, v, null, null, null), ada, bo, cy, Fixtures.staffUserId())
                .field("status", v -> new AppointmentFilter(null, null, null, null, v, null, null), AppointmentStatus.values())
                .field("from", v -> new AppointmentFilter(null, null, null, null, null, v, null), from, to, Instant.parse("2026-05-01T00:00:00Z"))
                .field("to", v -> new AppointmentFilter(null, null, null, null, null, null, v), to, from, Instant.parse("2026-03-01T00:00:00Z"))
                .add("from+to", from + ".." + to, new AppointmentFilter(null, null, null, null, null, from, to))
                .list());
    }

    @Override
    public Appointment withText(Appointment r, String text) {
        return r.titled(text);
    }

    @Override
    public String text(Appointment r) {
        return r.title();
    }
}
