package org.sectorcrm.examples.web.employers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Recording an engagement with an employer in one form: date, channel, establishment, staff-assisted, the ESE service
 * categories delivered, the contacts present, the needs it touched (open ones ticked, a new one described), the
 * follow-up date and a note with its visibility. The engagement is the actor's, for the actor's partner (crm-core
 * refuses anything else). Every problem is shown at once before anything is written. A new need is written first so the
 * engagement can name it; if crm-core then refuses the engagement, that need is removed again, so a refused form leaves
 * nothing behind.
 */
public final class EngagementFormPage {
    static final Map<String, String> LABELS = labels();

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/employers/{id}/engagements/new", this::form), WebRoute.post("/employers/{id}/engagements", this::record));
    }

    /** What the form offers for one employer: its establishments, contacts and open needs. */
    private record Choices(Employer employer, List<Option> establishments, List<Option> contacts, List<Option> needs) {
    }

    void form(WebRequest r) {
        requireWriter(r);
        Choices c = choices(r);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", r.today().toString());
        values.put("channel", Channel.MEETING.name());
        values.put("establishment", c.employer().primaryEstablishment().map(e -> e.id().asString()).orElse(""));
        values.put("staffAssisted", "yes");
        values.put("noteVisibility", Visibility.PARTNER.name());
        values.put("newNeedUrgency", Urgency.MEDIUM.name());
        render(r, 200, c, values, Map.of(), new FormErrors(LABELS));
    }

    void record(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        Choices c = choices(r);
        EmployerId employer = c.employer().id();
        FormErrors errors = new FormErrors(LABELS);

        LocalDate date = errors.parse("date", r.form("date"), LocalDate::parse);
        Channel channel = errors.parse("channel", r.form("channel"), Channel::valueOf);
        EstablishmentId establishment = errors.parse("establishment", r.form("establishment"), EstablishmentId::of);
        LocalDate followUp = errors.parse("followUpDue", r.form("followUpDue"), LocalDate::parse);
        Set<EseCategory> services = new LinkedHashSet<>();
        r.forms("services").forEach(v -> services.add(errors.parse("services", v, EseCategory::valueOf)));
        Set<ContactId> contacts = new LinkedHashSet<>();
        r.forms("contacts").forEach(v -> contacts.add(errors.parse("contacts", v, ContactId::of)));
        Set<NeedId> needs = new LinkedHashSet<>();
        r.forms("needs").forEach(v -> needs.add(errors.parse("needs", v, NeedId::of)));
        services.remove(null);
        contacts.remove(null);
        needs.remove(null);
        boolean staffAssisted = r.form("staffAssisted") != null;

        List<Note> notes = new ArrayList<>();
        if (r.form("noteText") != null) {
            Visibility visibility = errors.parse("noteVisibility", r.form("noteVisibility"), Visibility::valueOf);
            if (visibility == null && r.form("noteVisibility") == null) {
                errors.add("noteVisibility", "is required: choose who may read the note");
            }
            try {
                // author, partner and time are set again by crm-core on save: a note is always the actor's, written now
                notes.add(new Note(null, s.actor().user(), s.actor().partner(), visibility, r.form("noteText"), Instant.now()));
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> errors.add(v.field().equals("visibility") ? "noteVisibility" : "noteText", v.message()));
            }
        }

        BusinessNeed newNeed = null;
        if (r.form("newNeedDescription") != null || r.form("newNeedCategory") != null) {
            NeedCategory category = errors.parse("newNeedCategory", r.form("newNeedCategory"), NeedCategory::valueOf);
            Urgency urgency = errors.parse("newNeedUrgency", r.form("newNeedUrgency"), Urgency::valueOf);
            try {
                newNeed = BusinessNeed.raised(employer, category, r.form("newNeedDescription"), urgency, date != null ? date : r.today());
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> errors.add(switch (v.field()) {
                case "category" -> "newNeedCategory";
                case "urgency" -> "newNeedUrgency";
                default -> "newNeedDescription";
                }, v.message()));
            }
        }

        Engagement draft = null;
        try {
            draft = new Engagement(null, null, employer, establishment, null, s.actor().partner(), s.actor().user(), date, channel, staffAssisted,
                    r.form("summary"), notes, contacts, services, needs, followUp, null);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(fieldOf(v), v.message()));
        }

        if (errors.isEmpty()) {
            BusinessNeed needDraft = newNeed;
            BusinessNeed raised = needDraft == null ? null : errors.save(() -> s.needs().create(needDraft), v -> switch (v.field()) {
            case "category" -> "newNeedCategory";
            case "urgency" -> "newNeedUrgency";
            default -> "newNeedDescription";
            });
            if (errors.isEmpty()) {
                Set<NeedId> all = new LinkedHashSet<>(needs);
                if (raised != null) {
                    all.add(raised.id());
                }
                Engagement toSave = draft.withNeeds(all);
                Engagement saved = errors.save(() -> s.engagements().create(toSave), EngagementFormPage::fieldOf);
                if (saved != null) {
                    r.redirect("/employers/" + employer.asString() + "#timeline", "Recorded the " + Option.words(saved.channel().name()).toLowerCase(
                            java.util.Locale.ROOT) + " of " + saved.date() + (raised != null ? " and the new need" : "") + ".");
                    return;
                }
                if (raised != null) {
                    s.needs().delete(raised.id(), raised.version()); // the form was refused: leave nothing behind
                }
            }
        }
        Map<String, Set<String>> checked = Map.of("services", new LinkedHashSet<>(r.forms("services")), "contacts",
                new LinkedHashSet<>(r.forms("contacts")), "needs", new LinkedHashSet<>(r.forms("needs")));
        render(r, 400, c, r.formValues(), checked, errors);
    }

    static String fieldOf(FieldViolation v) {
        String f = FormErrors.firstSegment(v);
        return switch (f) {
        case "notes" -> "noteText";
        case "staff", "partner", "employer" -> "summary";
        default -> f;
        };
    }

    private static Choices choices(WebRequest r) {
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        List<Option> establishments = new ArrayList<>();
        for (Establishment x : e.establishments()) {
            establishments.add(new Option(x.id().asString(), x.name() + (x.primary() ? " (primary)" : "")
                    + (x.address() != null && x.address().city() != null ? ", " + x.address().city() : "")));
        }
        List<Option> contacts = new ArrayList<>();
        for (ContactView c : s.contacts().list(ContactFilter.atEmployer(e.id()), PageRequest.first(200)).items()) {
            if (c.contact().active()) {
                contacts.add(new Option(c.contact().id().asString(), c.contact().firstName() + " " + c.contact().lastName()
                        + (c.contact().title() == null ? "" : ", " + c.contact().title())));
            }
        }
        List<Option> needs = new ArrayList<>();
        for (BusinessNeed n : s.needs().list(new NeedFilter(e.id(), null, null, null), PageRequest.first(200)).items()) {
            if (!n.status().isClosed()) {
                needs.add(new Option(n.id().asString(), Option.words(n.category().name()) + ": " + n.description()));
            }
        }
        return new Choices(e, establishments, contacts, needs);
    }

    private void render(WebRequest r, int status, Choices c, Map<String, String> values, Map<String, Set<String>> checked, FormErrors errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", c.employer());
        p.put("values", values);
        p.put("checked", checked);
        p.put("errors", errors);
        p.put("channels", Option.of(Channel.class));
        p.put("establishments", c.establishments());
        p.put("contacts", c.contacts());
        p.put("needs", c.needs());
        p.put("services", java.util.Arrays.stream(EseCategory.values()).map(x -> new Option(x.name(), x.label())).toList());
        p.put("categories", Option.of(NeedCategory.class));
        p.put("urgencies", Option.of(Urgency.class));
        p.put("visibilities", List.of(new Option(Visibility.SHARED.name(), "Shared: staff of every partner"),
                new Option(Visibility.PARTNER.name(), "Partner: staff of " + r.names().partner(r.actor().partner()) + " only"),
                new Option(Visibility.PRIVATE.name(), "Private: only me")));
        String title = "Record an engagement with " + c.employer().legalName();
        r.render(status, "employers/engagement.jte", errors.isEmpty() ? title : "Not saved: " + title, "/employers", p);
    }

    private static void requireWriter(WebRequest r) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not record engagements (STAFF and above may)");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", "Date");
        m.put("channel", "Channel");
        m.put("establishment", "Establishment");
        m.put("staffAssisted", "Staff-assisted");
        m.put("summary", "Summary");
        m.put("services", "ESE service categories");
        m.put("contacts", "Contacts present");
        m.put("needs", "Needs discussed");
        m.put("newNeedCategory", "New need: category");
        m.put("newNeedDescription", "New need: in the employer's words");
        m.put("newNeedUrgency", "New need: urgency");
        m.put("followUpDue", "Follow-up due");
        m.put("noteText", "Note");
        m.put("noteVisibility", "Who may read the note");
        return java.util.Collections.unmodifiableMap(m);
    }
}
