package org.sectorcrm.examples.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.Attendee;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/** The iCalendar text, read back with biweekly: required properties, zones, PII. */
class AppointmentCalendarTest {
    private static final PartnerId BOARD = new PartnerId(UUID.fromString("0190a6b0-0000-7000-8000-0000000000b0"));
    private static final StaffUser ANN = StaffUser.of(BOARD, "Ann Board", "ann@board.example", Role.STAFF)
            .withId(new StaffUserId(UUID.fromString("0190a6b0-0000-7000-8000-0000000000a1")));
    private static final EmployerId GEAR = new EmployerId(UUID.fromString("0190a6b0-0000-7000-8000-0000000000e1"));
    private static final Contact MARIA = new Contact(new ContactId(UUID.fromString("0190a6b0-0000-7000-8000-0000000000c1")), null, GEAR,
            "Maria", "Lopez", null, org.sectorcrm.core.reference.EmailAddress.parse("maria.lopez@gear.example"), null, Set.of(), List.of(), true);
    private static final Instant CREATED = Instant.parse("2026-02-01T12:00:00Z");
    private final AppointmentCalendar calendar = new AppointmentCalendar("crm.board.example");

    private static Appointment at(LocalDateTime start, ZoneId zone, long version) {
        Appointment draft = Appointment.scheduled(GEAR, BOARD, ANN.id(), "Plant tour", start, start.plusMinutes(90), zone)
                .at("1 Foundry Rd", "https://meet.example/gear").attendedBy(Set.of(MARIA.id()), Set.of(ANN.id()));
        return draft.withId(new AppointmentId(UUID.nameUUIDFromBytes((start + " " + zone + " " + version).getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .withStamp(new Stamp(version, CREATED, CREATED.plusSeconds(60 * version), BOARD));
    }

    private static AppointmentCalendar.People people(boolean masked) {
        return new AppointmentCalendar.People() {
            @Override
            public Optional<StaffUser> staff(StaffUserId id) {
                return id.equals(ANN.id()) ? Optional.of(ANN) : Optional.empty();
            }

            @Override
            public Optional<ContactView> contact(ContactId id) {
                return id.equals(MARIA.id()) ? Optional.of(masked ? ContactView.masked(MARIA) : ContactView.clear(MARIA)) : Optional.empty();
            }
        };
    }

    private static ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar ical = Biweekly.parse(text).warnings(warnings).first();
        assertThat(warnings).allSatisfy(w -> assertThat(w).as(text).isEmpty());
        return ical;
    }

    @Test
    void everyEventCarriesThePropertiesCalendarsNeed() {
        Appointment a = at(LocalDateTime.of(2026, 3, 10, 10, 0), ZoneId.of("America/Chicago"), 3);
        String text = calendar.write(List.of(a), people(false), "Ann's appointments");
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SectorCRM//").endsWith("END:VCALENDAR\r\n");
        for (String required : new String[] {"BEGIN:VTIMEZONE", "TZID:America/Chicago", "BEGIN:VEVENT", "UID:", "DTSTAMP:", "DTSTART;TZID=America/Chicago:20260310T100000",
            "DTEND;TZID=America/Chicago:20260310T113000", "SUMMARY:Plant tour", "SEQUENCE:2", "STATUS:CONFIRMED", "X-WR-CALNAME:Ann's appointments"}) {
            assertThat(text).contains(required);
        }
        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("lines are folded at 75 octets").isLessThanOrEqualTo(75));

        VEvent e = parse(text).getEvents().get(0);
        assertThat(e.getUid().getValue()).isEqualTo(a.id().asString() + "@crm.board.example");
        assertThat(e.getDateTimeStamp().getValue().toInstant()).isEqualTo(a.stamp().updatedAt());
        assertThat(e.getLastModified().getValue().toInstant()).isEqualTo(a.stamp().updatedAt());
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(a.startsAt());
        assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(a.endsAt());
        assertThat(e.getSequence().getValue()).isEqualTo(2);
        assertThat(e.getLocation().getValue()).isEqualTo("1 Foundry Rd");
        assertThat(e.getUrl().getValue()).isEqualTo("https://meet.example/gear");
        assertThat(e.getOrganizer().getEmail()).isEqualTo("ann@board.example");
        assertThat(e.getOrganizer().getCommonName()).isEqualTo("Ann Board");
        assertThat(e.getAttendees()).extracting(Attendee::getEmail).containsExactlyInAnyOrder("ann@board.example", "maria.lopez@gear.example");
        assertThat(calendar.write(List.of(a), people(false), "Ann's appointments")).as("the same record gives the same file").isEqualTo(text);
    }

    @Test
    void aCancelledAppointmentIsACancelledEventWithItsReason() {
        Appointment a = at(LocalDateTime.of(2026, 3, 10, 10, 0), ZoneId.of("America/Chicago"), 1).cancel("Plant closed; inventory");
        VEvent e = parse(calendar.write(List.of(a), people(false), null)).getEvents().get(0);
        assertThat(e.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(e.getDescription().getValue()).isEqualTo("Cancelled: Plant closed; inventory");
    }

    @Test
    void aMaskedContactIsNamedWithoutPii() {
        String text = calendar.write(List.of(at(LocalDateTime.of(2026, 3, 10, 10, 0), ZoneId.of("America/Chicago"), 1)), people(true), null);
        assertThat(text).doesNotContain("maria.lopez").doesNotContain("gear.example");
        Attendee maria = parse(text).getEvents().get(0).getAttendees().stream().filter(a -> "Maria Lopez".equals(a.getCommonName())).findFirst()
                .orElseThrow();
        assertThat(maria.getEmail()).isNull();
        assertThat(maria.getUri()).isEqualTo("urn:uuid:" + MARIA.id().asString());
    }

    @Test
    void aUidDomainIsAHostName() {
        assertThatThrownBy(() -> new AppointmentCalendar("a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppointmentCalendar(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The VTIMEZONE alone places each event: with every TZID renamed to one no program knows, the parser can only use the
     * observances written, and still finds each start and end on the time line, in summer, winter and next to transitions.
     */
    @Property(tries = 60)
    void theWrittenTimeZonesPlaceEveryEventAtItsInstant(@ForAll("zones") ZoneId zone, @ForAll("times") LocalDateTime start,
            @ForAll("zones") ZoneId other, @ForAll("times") LocalDateTime otherStart) {
        Appointment a = at(start, zone, 1);
        Appointment b = at(otherStart, other, 2);
        String text = calendar.write(List.of(a, b), people(false), null);
        String renamed = text.replace(zone.getId(), "SectorCRM-Test/Zone-A").replace(other.getId(), "SectorCRM-Test/Zone-B");
        Map<String, Appointment> byUid = Map.of(calendar.uid(a), a, calendar.uid(b), b);
        for (VEvent e : parse(renamed).getEvents()) {
            Appointment expected = byUid.get(e.getUid().getValue());
            assertThat(e.getDateStart().getValue().toInstant()).as(expected.start() + " in " + expected.zone()).isEqualTo(expected.startsAt());
            assertThat(e.getDateEnd().getValue().toInstant()).as(expected.end() + " in " + expected.zone()).isEqualTo(expected.endsAt());
        }
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("America/Chicago", "America/New_York", "America/Denver", "America/Phoenix", "America/Anchorage", "Pacific/Honolulu",
                "Europe/London", "Europe/Dublin", "Asia/Kolkata", "Asia/Tokyo", "UTC").map(ZoneId::of);
    }

    /**
     * Lord Howe Island shifts by 30 minutes, which biweekly's reader gets wrong (it adds a whole hour of daylight saving),
     * so its observances are checked against the JDK's transitions directly, as written.
     */
    @Test
    void observancesAreTheZonesTransitionsEvenForHalfHourShifts() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        Appointment a = at(LocalDateTime.of(2026, 1, 15, 10, 0), lordHowe, 1);
        biweekly.component.VTimezone vtz = parse(calendar.write(List.of(a), people(false), null)).getTimezoneInfo().getComponents().iterator().next();
        assertThat(vtz.getTimezoneId().getValue()).isEqualTo("Australia/Lord_Howe");
        List<String> written = new ArrayList<>();
        List<biweekly.component.Observance> observances = new ArrayList<>(vtz.getStandardTimes());
        observances.addAll(vtz.getDaylightSavingsTime());
        for (biweekly.component.Observance o : observances) {
            var start = o.getDateStart().getValue().getRawComponents();
            written.add(LocalDateTime.of(start.getYear(), start.getMonth(), start.getDate(), start.getHour(), start.getMinute()) + " "
                    + o.getTimezoneOffsetFrom().getValue().getMillis() / 60_000 + ">" + o.getTimezoneOffsetTo().getValue().getMillis() / 60_000
                    + (o instanceof biweekly.component.DaylightSavingsTime ? " daylight" : " standard"));
        }
        List<String> expected = new ArrayList<>();
        var rules = lordHowe.getRules();
        var t = rules.previousTransition(Instant.parse("2025-01-01T00:00:00Z"));
        while (t != null && t.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"))) {
            expected.add(t.getDateTimeBefore() + " " + t.getOffsetBefore().getTotalSeconds() / 60 + ">" + t.getOffsetAfter().getTotalSeconds() / 60
                    + (rules.isDaylightSavings(t.getInstant()) ? " daylight" : " standard"));
            t = rules.nextTransition(t.getInstant());
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected).contains("2026-04-05T02:00 660>630 standard", "2026-10-04T02:00 630>660 daylight");
    }

    /** Wall-clock times across several years, hours that exist everywhere (never inside a spring-forward gap or a fall-back overlap). */
    @Provide
    Arbitrary<LocalDateTime> times() {
        return Arbitraries.integers().between(0, 5 * 365).flatMap(day -> Arbitraries.of(9, 10, 12, 15, 17)
                .map(hour -> LocalDateTime.of(2025, 1, 1, hour, 0).plusDays(day)));
    }
}
