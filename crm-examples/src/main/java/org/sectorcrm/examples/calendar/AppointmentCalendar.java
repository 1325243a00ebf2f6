package org.sectorcrm.examples.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.parameter.CalendarUserType;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Appointments as iCalendar (RFC 5545), written with biweekly: one file per appointment and the per-staff feeds that
 * calendar programs subscribe to.
 *
 * <p>Each event carries UID ({@code <appointment id>@<domain>}, stable across edits so a calendar updates its copy),
 * DTSTAMP, CREATED and LAST-MODIFIED (from the record's stamp, so the same record always gives the same file), DTSTART
 * and DTEND as wall-clock times with the appointment's TZID, SUMMARY, LOCATION, URL (the video link), STATUS
 * (CANCELLED, else CONFIRMED), SEQUENCE (version - 1: it grows with every saved change), ORGANIZER and ATTENDEEs.
 *
 * <p>Every zone used gets its VTIMEZONE, built from the JDK's zone rules as the actual transitions from a year before
 * the earliest to a year after the latest event, so a program that does not know the TZID still places each event at
 * the right instant (no download from a timezone server at run time).
 *
 * <p>People: staff users are named with their work e-mail. Contacts are PII: they appear with their e-mail only when
 * the reader sees it in the clear; for a VIEWER (who sees e-mail masked) a contact is named only by name and an
 * {@code urn:uuid:} of its id.
 */
public final class AppointmentCalendar {
    /** Who the events name, as the reading staff user may see them. */
    public interface People {
        Optional<StaffUser> staff(StaffUserId id);

        /** The contact as the reader may see it (masked for VIEWERs). */
        Optional<ContactView> contact(ContactId id);
    }

    public static final String MEDIA_TYPE = "text/calendar";
    private static final String PRODUCT = "-//SectorCRM//SectorCRM 0.1//EN";
    private final String uidDomain;

    /** @param uidDomain the host name after the {@code @} of each event's UID */
    public AppointmentCalendar(String uidDomain) {
        if (uidDomain == null || uidDomain.isBlank() || uidDomain.contains("@")) {
            throw new IllegalArgumentException("the UID domain must be a host name, like crm.region.example, but was '" + uidDomain + "'");
        }
        this.uidDomain = uidDomain.strip();
    }

    /** The UID of an appointment's event. */
    public String uid(Appointment a) {
        return a.id().asString() + "@" + uidDomain;
    }

    /**
     * The calendar of these appointments, as iCalendar text (CRLF lines, folded at 75 octets).
     *
     * @param name the calendar's display name (X-WR-CALNAME, for subscriptions), or null
     */
    public String write(Collection<Appointment> appointments, People people, String name) {
        ICalendar ical = new ICalendar();
        ical.setProductId(PRODUCT);
        if (name != null) {
            ical.setExperimentalProperty("X-WR-CALNAME", name);
        }
        Map<ZoneId, TimezoneAssignment> zones = timezones(appointments);
        for (Appointment a : appointments) {
            VEvent event = event(a, people);
            ical.addEvent(event);
            TimezoneAssignment zone = zones.get(a.zone());
            ical.getTimezoneInfo().setTimezone(event.getDateStart(), zone);
            ical.getTimezoneInfo().setTimezone(event.getDateEnd(), zone);
        }
        return Biweekly.write(ical).go();
    }

    private VEvent event(Appointment a, People people) {
        VEvent e = new VEvent();
        e.setUid(uid(a));
        e.setDateTimeStamp(Date.from(a.stamp().updatedAt()));
        e.setCreated(Date.from(a.stamp().createdAt()));
        e.setLastModified(Date.from(a.stamp().updatedAt()));
        e.setDateStart(Date.from(a.startsAt()));
        e.setDateEnd(Date.from(a.endsAt()));
        e.setSummary(a.title());
        if (a.location() != null) {
            e.setLocation(a.location());
        }
        if (a.videoLink() != null) {
            e.setUrl(a.videoLink());
        }
        e.setStatus(a.status() == AppointmentStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
        if (a.cancelReason() != null) {
            e.setDescription("Cancelled: " + a.cancelReason());
        }
        e.setSequence((int) Math.min(Integer.MAX_VALUE, a.version() - 1));
        people.staff(a.organizer()).ifPresent(o -> e.setOrganizer(new Organizer(o.name(), o.email().value())));
        for (StaffUserId id : a.staff()) {
            people.staff(id).ifPresent(s -> {
                Attendee attendee = new Attendee(s.name(), s.email().value());
                attendee.setCalendarUserType(CalendarUserType.INDIVIDUAL);
                attendee.setRole(Role.ATTENDEE);
                e.addAttendee(attendee);
            });
        }
        for (ContactId id : a.contacts()) {
            people.contact(id).ifPresent(c -> e.addAttendee(attendee(c)));
        }
        return e;
    }

    private static Attendee attendee(ContactView c) {
        String name = c.contact().firstName() + " " + c.contact().lastName();
        // Only a reader who sees the address in the clear gets it; otherwise the contact is named by its id.
        Attendee attendee = new Attendee(name, c.masked() ? null : c.email());
        if (attendee.getEmail() == null) {
            attendee.setUri("urn:uuid:" + c.contact().id().asString());
        }
        attendee.setCalendarUserType(CalendarUserType.INDIVIDUAL);
        attendee.setRole(Role.ATTENDEE);
        return attendee;
    }

    /** One VTIMEZONE per zone used, covering its events with a year to spare on either side. */
    private static Map<ZoneId, TimezoneAssignment> timezones(Collection<Appointment> appointments) {
        Map<ZoneId, Instant[]> windows = new LinkedHashMap<>();
        for (Appointment a : appointments) {
            windows.merge(a.zone(), new Instant[] {a.startsAt(), a.endsAt()},
                    (w, n) -> new Instant[] {w[0].isBefore(n[0]) ? w[0] : n[0], w[1].isAfter(n[1]) ? w[1] : n[1]});
        }
        Map<ZoneId, TimezoneAssignment> zones = new LinkedHashMap<>();
        windows.forEach((zone, w) -> {
            Instant from = LocalDate.ofInstant(w[0], zone).minusYears(1).withDayOfYear(1).atStartOfDay(zone).toInstant();
            Instant to = LocalDate.ofInstant(w[1], zone).plusYears(2).withDayOfYear(1).atStartOfDay(zone).toInstant();
            zones.put(zone, new TimezoneAssignment(TimeZone.getTimeZone(zone), timezone(zone, from, to)));
        });
        return zones;
    }

    /**
     * The zone's observances between two instants: the one in force at {@code from} (from the transition that started
     * it), then one per transition. Explicit transitions rather than RRULEs: exact for every zone the JDK knows, including
     * ones whose rules changed, at the cost of a few lines per year.
     */
    static VTimezone timezone(ZoneId zone, Instant from, Instant to) {
        VTimezone vtz = new VTimezone(zone.getId());
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition previous = rules.previousTransition(from);
        if (previous == null) { // a fixed offset (UTC): one observance since 1970
            ZoneOffset offset = rules.getOffset(from);
            StandardTime always = new StandardTime();
            always.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
            always.setTimezoneOffsetFrom(offset(offset));
            always.setTimezoneOffsetTo(offset(offset));
            vtz.addStandardTime(always);
            return vtz;
        }
        add(vtz, rules, previous);
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            add(vtz, rules, t);
        }
        return vtz;
    }

    private static void add(VTimezone vtz, ZoneRules rules, ZoneOffsetTransition t) {
        boolean daylight = rules.isDaylightSavings(t.getInstant());
        Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
        // RFC 5545: an observance starts at the local time of the offset in force before it
        LocalDateTime onset = t.getDateTimeBefore();
        o.setDateStart(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(), onset.getHour(), onset.getMinute(),
                onset.getSecond(), false));
        o.setTimezoneOffsetFrom(offset(t.getOffsetBefore()));
        o.setTimezoneOffsetTo(offset(t.getOffsetAfter()));
        if (daylight) {
            vtz.addDaylightSavingsTime((DaylightSavingsTime) o);
        } else {
            vtz.addStandardTime((StandardTime) o);
        }
    }

    private static UtcOffset offset(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
