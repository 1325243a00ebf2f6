package org.sectorcrm.examples.web.appointments;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Scheduling an appointment from an employer's page, or from a referral's ({@code ?referral=}, which ties the
 * appointment to it): the organiser is the signed-in user, for their partner; the attendees are the employer's contacts
 * and staff of any partner; start and end are wall-clock times in the chosen time zone (as calendar programs keep them);
 * a place, a video link, or both. Every problem is shown at once, crm-core's included.
 */
public final class AppointmentForm {
    /** The time zones offered: the US ones a regional CRM meets, and UTC. */
    static final List<Option> ZONES = List.of(new Option("America/New_York", "Eastern (America/New_York)"),
            new Option("America/Chicago", "Central (America/Chicago)"), new Option("America/Denver", "Mountain (America/Denver)"),
            new Option("America/Phoenix", "Arizona (America/Phoenix)"), new Option("America/Los_Angeles", "Pacific (America/Los_Angeles)"),
            new Option("America/Anchorage", "Alaska (America/Anchorage)"), new Option("Pacific/Honolulu", "Hawaii (Pacific/Honolulu)"),
            new Option("America/Puerto_Rico", "Atlantic (America/Puerto_Rico)"), new Option("UTC", "UTC"));

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/employers/{id}/appointments/new", this::newForm), WebRoute.post("/employers/{id}/appointments", this::schedule));
    }

    void newForm(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        Referral referral = referral(r, e);
        Map<String, String> values = new LinkedHashMap<>();
        LocalDateTime start = r.today().plusDays(1).atTime(10, 0);
        values.put("start", start.toString());
        values.put("end", start.plusHours(1).toString());
        String zone = ZoneId.systemDefault().getId();
        values.put("zone", ZONES.stream().anyMatch(o -> o.value().equals(zone)) ? zone : "America/Chicago");
        if (referral != null) {
            values.put("title", "Referral: " + referral.requestedService());
        }
        form(r, 200, e, referral, values, Set.of(), Set.of(), new FormErrors(labels()));
    }

    void schedule(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        Referral referral = referral(r, e);
        FormErrors errors = new FormErrors(labels());
        LocalDateTime start = errors.parse("start", r.form("start"), LocalDateTime::parse);
        LocalDateTime end = errors.parse("end", r.form("end"), LocalDateTime::parse);
        ZoneId zone = errors.parse("zone", r.form("zone"), ZoneId::of);
        Set<ContactId> contacts = new LinkedHashSet<>();
        r.forms("contacts").forEach(c -> contacts.add(errors.parse("contacts", c, ContactId::of)));
        Set<StaffUserId> staff = new LinkedHashSet<>();
        r.forms("staff").forEach(u -> staff.add(errors.parse("staff", u, StaffUserId::of)));
        contacts.remove(null);
        staff.remove(null);
        Appointment draft = null;
        try {
            // the whole record at once, so that every problem is reported together (a chain of withers stops at the first)
            draft = new Appointment(null, null, e.id(), referral == null ? null : referral.id(), null, null, s.actor().partner(), s.actor().user(),
                    r.form("title"), start, end, zone, r.form("location"), r.form("videoLink"), contacts, staff, AppointmentStatus.SCHEDULED, null, null);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> {
                if (errors.of(FormErrors.firstSegment(v)) == null) { // a field that did not parse already says so
                    errors.add(FormErrors.firstSegment(v), v.message());
                }
            });
        }
        if (errors.isEmpty()) {
            Appointment ready = draft;
            Appointment saved = errors.save(() -> s.appointments().create(ready), FormErrors::firstSegment);
            if (saved != null) {
                r.redirect("/appointments/" + saved.id().asString(), "Scheduled the appointment.");
                return;
            }
        }
        Set<String> checkedContacts = new LinkedHashSet<>(r.forms("contacts"));
        Set<String> checkedStaff = new LinkedHashSet<>(r.forms("staff"));
        form(r, 400, e, referral, r.formValues(), checkedContacts, checkedStaff, errors);
    }

    /** The referral named by {@code ?referral=} (or the form's hidden field), which must be about this employer. */
    private static Referral referral(WebRequest r, Employer e) {
        String id = r.context().method() == io.javalin.http.HandlerType.POST ? r.form("referral") : r.query("referral");
        if (id == null) {
            return null;
        }
        Referral x = r.crm().referrals().get(ReferralId.of(id));
        if (!x.employer().equals(e.id())) {
            throw ValidationException.of("appointment", "referral", "referral " + id + " is about another employer");
        }
        return x;
    }

    private void form(WebRequest r, int status, Employer e, Referral referral, Map<String, String> values, Set<String> contacts, Set<String> staff,
            FormErrors errors) {
        List<Option> contactOptions = new ArrayList<>();
        for (ContactView c : r.crm().contacts().list(ContactFilter.atEmployer(e.id()), PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
            contactOptions.add(new Option(c.contact().id().asString(), c.contact().firstName() + " " + c.contact().lastName()
                    + (c.contact().title() == null ? "" : ", " + c.contact().title())));
        }
        List<StaffUser> people = new ArrayList<>(r.names().staff().values());
        people.removeIf(u -> u.id().equals(r.actor().user()));
        people.sort(Comparator.comparing((StaffUser u) -> r.names().partner(u.partner())).thenComparing(StaffUser::name));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", e);
        p.put("referral", referral);
        p.put("values", values);
        p.put("errors", errors);
        p.put("zones", ZONES);
        p.put("contacts", contactOptions);
        p.put("checkedContacts", contacts);
        p.put("staff", people.stream().map(u -> new Option(u.id().asString(), u.name() + " (" + r.names().partner(u.partner()) + ")")).toList());
        p.put("checkedStaff", staff);
        String title = "Schedule an appointment with " + e.legalName();
        r.render(status, "appointments/new.jte", errors.isEmpty() ? title : "Not saved: " + title, "/appointments", p);
    }

    static void requireWriter(WebRequest r) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not schedule or change appointments (STAFF and above may)");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", "Title");
        m.put("start", "Starts");
        m.put("end", "Ends");
        m.put("zone", "Time zone");
        m.put("location", "Place");
        m.put("videoLink", "Video link");
        m.put("contacts", "Employer contacts attending");
        m.put("staff", "Staff attending");
        m.put("referral", "Referral");
        m.put("organizer", "Organiser");
        m.put("organizerPartner", "Organiser");
        return m;
    }
}
