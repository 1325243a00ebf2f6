package org.sectorcrm.examples.web.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Appointments: the list (the user's own from today on, their partner's, and the user's of the last 30 days), the week
 * view (a table with a row per day; {@code ?start=} names the week, so previous and next week are plain links that can
 * be bookmarked), and a page per appointment with its attendees, its iCalendar file, and the moves from SCHEDULED
 * (held, cancelled with a reason, no-show), each carrying the version the page showed.
 */
public final class AppointmentPages {
    static final int ROWS = 100;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/appointments", this::list), WebRoute.get("/appointments/week", this::week),
                WebRoute.get("/appointments/{id}", this::show), WebRoute.post("/appointments/{id}/{move}", this::move));
    }

    /** One appointment in a list, already in words: when in its own time zone. */
    public record Row(String href, String title, String employer, String when, String status, String organiser) {
    }

    /** A day of the week view. */
    public record Day(String label, String iso, boolean today, List<Row> rows) {
    }

    void list(WebRequest r) {
        CrmSession s = r.crm();
        Instant now = Instant.now();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mine", rows(r, s.appointments().list(new AppointmentFilter(null, null, null, s.actor().user(), null, now, null),
                PageRequest.first(ROWS)).items(), false));
        p.put("partner", rows(r, s.appointments().list(new AppointmentFilter(null, null, s.actor().partner(), null, null, now, null),
                PageRequest.first(ROWS)).items(), false));
        p.put("past", rows(r, s.appointments().list(new AppointmentFilter(null, null, null, s.actor().user(), null, now.minus(30, ChronoUnit.DAYS), now),
                PageRequest.first(ROWS)).items(), true));
        p.put("partnerName", r.names().partner(s.actor().partner()));
        r.render("appointments/list.jte", "Appointments", "/appointments", p);
    }

    private List<Row> rows(WebRequest r, List<Appointment> items, boolean latestFirst) {
        List<Appointment> sorted = new ArrayList<>(items);
        Comparator<Appointment> order = Comparator.comparing(Appointment::startsAt);
        sorted.sort(latestFirst ? order.reversed() : order);
        return sorted.stream().map(a -> row(r, a, true)).toList();
    }

    static Row row(WebRequest r, Appointment a, boolean withDate) {
        String zone = a.zone().getDisplayName(TextStyle.SHORT, Locale.US);
        String when = (withDate ? a.start().toLocalDate() + " " : "") + a.start().format(TIME) + "–" + a.end().format(TIME) + " " + zone;
        return new Row("/appointments/" + a.id().asString(), a.title(), r.names().employer(a.employer()), when, Option.words(a.status().name()),
                r.names().staff(a.organizer()));
    }

    void week(WebRequest r) {
        CrmSession s = r.crm();
        LocalDate today = r.today();
        LocalDate asked = new FormErrors(Map.of()).parse("start", r.query("start"), LocalDate::parse);
        LocalDate monday = (asked == null ? today : asked).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        boolean partner = "partner".equals(r.query("whose"));
        // a day either side: an appointment is placed on the day it starts in its own time zone, whatever the server's
        Instant from = monday.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = monday.plusDays(8).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        AppointmentFilter filter = partner ? new AppointmentFilter(null, null, s.actor().partner(), null, null, from, to)
                : new AppointmentFilter(null, null, null, s.actor().user(), null, from, to);
        List<Appointment> found = new ArrayList<>(s.appointments().list(filter, PageRequest.first(PageRequest.MAX_LIMIT)).items());
        found.sort(Comparator.comparing(Appointment::startsAt));
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            List<Row> rows = found.stream().filter(a -> a.start().toLocalDate().equals(d)).map(a -> row(r, a, false)).toList();
            days.add(new Day(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + " " + d, d.toString(), d.equals(today), rows));
        }
        String whose = partner ? "&whose=partner" : "";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("days", days);
        p.put("monday", monday.toString());
        p.put("sunday", monday.plusDays(6).toString());
        p.put("prev", "/appointments/week?start=" + monday.minusWeeks(1) + whose);
        p.put("next", "/appointments/week?start=" + monday.plusWeeks(1) + whose);
        p.put("thisWeek", "/appointments/week" + (partner ? "?whose=partner" : ""));
        p.put("switchTo", partner ? "/appointments/week?start=" + monday : "/appointments/week?start=" + monday + "&whose=partner");
        p.put("partner", partner);
        p.put("partnerName", r.names().partner(s.actor().partner()));
        r.render("appointments/week.jte", "Week of " + monday, "/appointments", p);
    }

    void show(WebRequest r) {
        page(r, 200, r.crm().appointments().get(AppointmentId.of(r.path("id"))), new FormErrors(labels()), Map.of(), null);
    }

    void move(WebRequest r) {
        AppointmentForm.requireWriter(r);
        CrmSession s = r.crm();
        AppointmentId id = AppointmentId.of(r.path("id"));
        String move = r.path("move");
        FormErrors errors = new FormErrors(labels());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            throw ValidationException.of("appointment", "version", "the form carries no version: reload the appointment");
        }
        Appointment done;
        try {
            done = errors.save(() -> switch (move) {
            case "hold" -> s.appointments().hold(id, version, null);
            case "cancel" -> s.appointments().cancel(id, version, r.form("cancelReason"));
            case "no-show" -> s.appointments().noShow(id, version);
            default -> throw new org.sectorcrm.core.NotFoundException("appointment move", move);
            }, v -> v.field().equals("cancelReason") ? "cancelReason" : "status");
        } catch (ConflictException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw stale;
            }
            Appointment now = s.appointments().get(id);
            page(r, 409, now, errors, r.formValues(), "Someone changed this appointment while you were looking at it: it is "
                    + Option.words(now.status().name()).toLowerCase(Locale.ROOT) + " now. Nothing was saved; what you typed is still in the form.");
            return;
        }
        if (done == null) {
            page(r, 400, s.appointments().get(id), errors, r.formValues(), null);
            return;
        }
        r.redirect("/appointments/" + id.asString(), "The appointment is " + Option.words(done.status().name()).toLowerCase(Locale.ROOT) + " now.");
    }

    private void page(WebRequest r, int status, Appointment a, FormErrors errors, Map<String, String> values, String conflict) {
        List<String> contacts = new ArrayList<>();
        if (!a.contacts().isEmpty()) {
            // one read: the employer's contacts, masked by crm-core for viewers, of which the attendees
            for (ContactView c : r.crm().contacts().list(ContactFilter.atEmployer(a.employer()), PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
                if (a.contacts().contains(c.contact().id())) {
                    contacts.add(c.contact().firstName() + " " + c.contact().lastName() + (c.contact().title() == null ? "" : ", " + c.contact().title()));
                }
            }
        }
        ZonedDateTime start = a.start().atZone(a.zone());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("a", a);
        p.put("employer", r.names().employer(a.employer()));
        p.put("when", a.start().toLocalDate() + ", " + a.start().format(TIME) + "–" + a.end().format(TIME) + " "
                + a.zone().getDisplayName(TextStyle.SHORT, Locale.US) + " (" + a.zone().getId() + ", UTC" + start.getOffset().getId().replace("Z", "") + ")"
                + (a.end().toLocalDate().equals(a.start().toLocalDate()) ? "" : ", ends " + a.end().toLocalDate()));
        p.put("status", Option.words(a.status().name()));
        p.put("organiser", r.names().staff(a.organizer()) + " (" + r.names().partner(a.organizerPartner()) + ")");
        p.put("contacts", contacts);
        p.put("staff", a.staff().stream().map(u -> r.names().staff(u) + " (" + (r.names().staff().get(u) == null ? ""
                : r.names().partner(r.names().staff().get(u).partner())) + ")").sorted().toList());
        p.put("ics", ApiServer.BASE + "/appointments/" + a.id().asString() + ".ics");
        p.put("canMove", r.canWrite() && a.status() == AppointmentStatus.SCHEDULED);
        p.put("errors", errors);
        p.put("values", values);
        p.put("conflict", conflict);
        r.render(status, "appointments/show.jte", (errors.isEmpty() ? "" : "Not saved: ") + "Appointment: " + a.title(), "/appointments", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", "Status");
        m.put("cancelReason", "Reason for cancelling");
        return m;
    }
}
