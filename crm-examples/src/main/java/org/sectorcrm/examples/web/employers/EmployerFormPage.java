package org.sectorcrm.examples.web.employers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.RelationshipLead;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Creating and editing an employer with its primary establishment. Every problem of a submitted form is shown at once,
 * next to its field and in a summary at the top: the problems of each value (FEIN, NAICS, ZIP...) and those crm-core
 * finds on save (unknown region, lead staff of another partner, a FEIN another employer has). An edit carries the
 * version it was read at: if someone saved the employer meanwhile, the form comes back with what the user typed, the
 * fields whose stored value differs from it, and the new version, so nothing typed is lost and nothing is overwritten
 * unseen. Other establishments than the primary are kept as they are.
 */
public final class EmployerFormPage {
    /** The form's fields and their labels, in the order of the form (the error summary follows it). */
    static final Map<String, String> LABELS = labels();

    /** A field whose stored value changed since the form was read: what is stored now, and what the user typed. */
    public record Difference(String field, String label, String stored, String yours) {
    }

    /**
     * An employer already stored that may be the one being created, with the matcher's level and reasons
     * ({@code EmployerOperations.createIfNew}, the same check as the REST API's 409).
     */
    public record PossibleDuplicate(String id, String name, String why) {
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/employers/new", this::newForm), WebRoute.post("/employers", this::create),
                WebRoute.get("/employers/{id}/edit", this::editForm), WebRoute.post("/employers/{id}", this::update));
    }

    void newForm(WebRequest r) {
        requireWriter(r, "add employers");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", EmployerStatus.PROSPECT.name());
        values.put("estState", "IL");
        render(r, 200, null, values, new FormErrors(LABELS), null, List.of(), List.of());
    }

    void create(WebRequest r) {
        requireWriter(r, "add employers");
        FormErrors errors = new FormErrors(LABELS);
        Employer draft = fromForm(r, null, errors);
        List<PossibleDuplicate> duplicates = List.of();
        if (errors.isEmpty()) {
            boolean anyway = r.form("createAnyway") != null;
            // checked and created in one transaction (createIfNew); "add it anyway" is recorded in the audit trail
            org.sectorcrm.core.EmployerCreation[] outcome = new org.sectorcrm.core.EmployerCreation[1];
            Employer saved = save(errors, () -> {
                if (anyway) {
                    return r.crm().employers().createAnyway(draft);
                }
                outcome[0] = r.crm().employers().createIfNew(draft);
                return outcome[0].employer().orElse(null);
            });
            if (saved != null) {
                r.redirect("/employers/" + saved.id().asString(), "Added " + saved.legalName() + ".");
                return;
            }
            if (outcome[0] != null && !outcome[0].isCreated()) {
                duplicates = outcome[0].duplicates().stream().map(d -> new PossibleDuplicate(d.employer().id().asString(), d.employer().legalName(),
                        d.result().level() + ": " + d.result().explanation())).toList();
            }
        }
        render(r, duplicates.isEmpty() ? 400 : 409, null, r.formValues(), errors, null, List.of(), duplicates);
    }

    void editForm(WebRequest r) {
        requireWriter(r, "edit employers");
        Employer e = r.crm().employers().get(EmployerId.of(r.path("id")));
        render(r, 200, e, valuesOf(e), new FormErrors(LABELS), null, List.of(), List.of());
    }

    void update(WebRequest r) {
        requireWriter(r, "edit employers");
        EmployerId id = EmployerId.of(r.path("id"));
        FormErrors errors = new FormErrors(LABELS);
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            throw ValidationException.of("employer", "version", "the form carries no version: reload the edit page");
        }
        Employer stored = r.crm().employers().get(id);
        Employer changed = fromForm(r, stored, errors);
        if (errors.isEmpty()) {
            try {
                Employer saved = save(errors, () -> r.crm().employers().update(id, version, changed));
                if (saved != null) {
                    r.redirect("/employers/" + id.asString(), "Saved " + saved.legalName() + " (version " + saved.version() + ").");
                    return;
                }
            } catch (ConflictException stale) {
                if (stale.currentVersion().isEmpty()) {
                    throw stale;
                }
                // someone saved meanwhile: the user's values stay in the form; the fields that differ are shown with what is stored
                Employer now = r.crm().employers().get(id);
                Map<String, String> storedValues = valuesOf(now);
                Map<String, String> yours = r.formValues();
                List<Difference> differences = new ArrayList<>();
                LABELS.forEach((field, label) -> {
                    String s = storedValues.getOrDefault(field, "");
                    String y = yours.getOrDefault(field, "").strip();
                    if (!s.equals(y)) {
                        differences.add(new Difference(field, label, show(r, field, s), show(r, field, y)));
                    }
                });
                render(r, 409, now, yours, errors, now.version(), differences, List.of());
                return;
            }
        }
        render(r, 400, stored, r.formValues(), errors, version, List.of(), List.of());
    }

    /** Runs a write; its validation problems and a taken FEIN land on their form fields (null when it failed). */
    private static Employer save(FormErrors errors, java.util.function.Supplier<Employer> write) {
        try {
            return errors.save(write, EmployerFormPage::fieldOf);
        } catch (ConflictException e) {
            if (e.currentVersion().isEmpty() && e.getMessage().contains("FEIN")) {
                errors.add("fein", "another employer already has this FEIN (" + e.getMessage() + ")");
                return null;
            }
            throw e;
        }
    }

    static String fieldOf(FieldViolation v) {
        String f = v.field();
        if (f.startsWith("lead.staff")) {
            return "leadStaff";
        }
        if (f.startsWith("lead")) {
            return "leadPartner";
        }
        if (f.startsWith("establishments")) {
            return f.endsWith("zip") ? "estZip" : f.endsWith("state") ? "estState" : f.endsWith("county") ? "estCounty" : "estName";
        }
        return FormErrors.firstSegment(v);
    }

    /**
     * The employer the form describes, {@code stored} changed by it on an edit (custom fields, other establishments and
     * the primary establishment's id kept), or null when a part of it could not be built; every problem is in
     * {@code errors}, not only the first.
     */
    static Employer fromForm(WebRequest r, Employer stored, FormErrors errors) {
        Fein fein = errors.parse("fein", r.form("fein"), Fein::parse);
        NaicsCode naics = errors.parse("naics", r.form("naics"), NaicsCode::of);
        SectorCode sector = errors.parse("sector", r.form("sector"), SectorCode::new);
        RegionCode region = errors.parse("region", r.form("region"), RegionCode::new);
        EmployerStatus status = errors.parse("status", r.form("status"), EmployerStatus::valueOf);
        Integer employees = null;
        if (r.form("employees") != null) {
            try {
                employees = Integer.valueOf(r.form("employees"));
            } catch (NumberFormatException e) {
                errors.add("employees", "'" + r.form("employees") + "' is not a whole number");
            }
        }
        PhoneNumber phone = errors.parse("phone", r.form("phone"), PhoneNumber::parse);
        org.sectorcrm.core.reference.DoNotContact doNotContact = doNotContactFromForm(r, stored == null ? null : stored.doNotContact(), errors);
        PartnerId leadPartner = errors.parse("leadPartner", r.form("leadPartner"), PartnerId::of);
        StaffUserId leadStaff = errors.parse("leadStaff", r.form("leadStaff"), StaffUserId::of);
        if (leadStaff != null && leadPartner == null && r.form("leadPartner") == null) {
            errors.add("leadPartner", "is required when a lead staff member is chosen");
        }
        List<String> tradeNames = lines(r.form("tradeNames"));
        Set<String> tags = new LinkedHashSet<>();
        if (r.form("tags") != null) {
            for (String t : r.form("tags").split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        Establishment primary = primaryFromForm(r, stored, errors);

        List<Establishment> establishments = new ArrayList<>();
        if (primary != null) {
            establishments.add(primary);
        }
        if (stored != null) {
            stored.establishments().stream().filter(s -> !s.primary()).forEach(establishments::add);
        }
        Employer e;
        try {
            e = new Employer(stored == null ? null : stored.id(), stored == null ? null : stored.stamp(), r.form("legalName"), tradeNames,
                    fein, naics, sector, region, establishments, employees, r.form("website"), status, tags,
                    leadPartner == null ? null : new RelationshipLead(leadPartner, leadStaff),
                    stored == null ? Map.of() : stored.customFields(), phone, doNotContact);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(fieldOf(v), v.message()));
            return null;
        }
        return e;
    }

    /**
     * The do-not-contact flag of the form: none when both fields are empty, else since and reason, both required. The
     * stored flag comes back unchanged when the form repeats it, so that crm-core keeps who set it.
     */
    static org.sectorcrm.core.reference.DoNotContact doNotContactFromForm(WebRequest r, org.sectorcrm.core.reference.DoNotContact stored,
            FormErrors errors) {
        java.time.LocalDate since = errors.parse("dncSince", r.form("dncSince"), java.time.LocalDate::parse);
        String reason = r.form("dncReason");
        if (since == null && reason == null) {
            return null;
        }
        if (r.form("dncSince") == null) {
            errors.add("dncSince", "is required with a reason not to contact (YYYY-MM-DD)");
        }
        if (reason == null) {
            errors.add("dncReason", "is required with a do-not-contact date: why not to contact");
        }
        if (since == null || reason == null) {
            return null;
        }
        if (stored != null && stored.since().equals(since) && stored.reason().equals(reason)) {
            return stored;
        }
        try {
            return org.sectorcrm.core.reference.DoNotContact.since(since, reason);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(v.field().equals("since") ? "dncSince" : "dncReason", v.message()));
            return null;
        }
    }

    /** The primary establishment of the form, or null when none is given (or it has problems, noted in {@code errors}). */
    private static Establishment primaryFromForm(WebRequest r, Employer stored, FormErrors errors) {
        String name = r.form("estName");
        String street = r.form("estStreet");
        String city = r.form("estCity");
        String state = r.form("estState");
        String zip = r.form("estZip");
        String county = r.form("estCounty");
        String ui = r.form("estUi");
        boolean addressGiven = street != null || city != null || zip != null || county != null || ui != null;
        Establishment before = stored == null ? null : stored.primaryEstablishment().orElse(null);
        if (name == null) {
            if (addressGiven) {
                errors.add("estName", "is required when an address is given (the worksite needs a name, e.g. \"Main plant\")");
            } else if (before != null && stored.establishments().size() > 1) {
                errors.add("estName", "is required: the employer has other establishments, one of them must stay primary");
            }
            return null;
        }
        Address address = null;
        try {
            address = street == null && city == null && state == null && zip == null ? null : new Address(street, city, state, zip);
        } catch (ValidationException invalid) {
            for (FieldViolation v : invalid.violations()) {
                errors.add(switch (v.field()) {
                case "street" -> "estStreet";
                case "city" -> "estCity";
                case "state" -> "estState";
                default -> "estZip";
                }, v.message());
            }
        }
        try {
            return new Establishment(before == null ? null : before.id(), name, address, county, ui, before == null ? null : before.naics(), true);
        } catch (ValidationException invalid) {
            for (FieldViolation v : invalid.violations()) {
                errors.add(switch (v.field()) {
                case "county" -> "estCounty";
                case "uiAccountNumber" -> "estUi";
                default -> "estName";
                }, v.message());
            }
            return null;
        }
    }

    /** The form's values for a stored employer. */
    static Map<String, String> valuesOf(Employer e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("legalName", e.legalName());
        v.put("tradeNames", String.join("\n", e.tradeNames()));
        v.put("fein", e.fein() == null ? "" : e.fein().formatted());
        v.put("naics", e.naics() == null ? "" : e.naics().value());
        v.put("sector", e.sector() == null ? "" : e.sector().asString());
        v.put("region", e.region() == null ? "" : e.region().asString());
        v.put("status", e.status().name());
        v.put("employees", e.employees() == null ? "" : e.employees().toString());
        v.put("website", Objects.toString(e.website(), ""));
        v.put("phone", e.phone() == null ? "" : e.phone().formatted());
        v.put("tags", String.join(", ", e.tags()));
        v.put("dncSince", e.doNotContact() == null ? "" : e.doNotContact().since().toString());
        v.put("dncReason", e.doNotContact() == null ? "" : e.doNotContact().reason());
        v.put("leadPartner", e.lead() == null ? "" : e.lead().partner().asString());
        v.put("leadStaff", e.lead() == null || e.lead().staff() == null ? "" : e.lead().staff().asString());
        Establishment p = e.primaryEstablishment().orElse(null);
        v.put("estName", p == null ? "" : p.name());
        v.put("estStreet", p == null || p.address() == null ? "" : Objects.toString(p.address().street(), ""));
        v.put("estCity", p == null || p.address() == null ? "" : Objects.toString(p.address().city(), ""));
        v.put("estState", p == null || p.address() == null ? "" : Objects.toString(p.address().state(), ""));
        v.put("estZip", p == null || p.address() == null ? "" : Objects.toString(p.address().zip(), ""));
        v.put("estCounty", p == null ? "" : Objects.toString(p.county(), ""));
        v.put("estUi", p == null ? "" : Objects.toString(p.uiAccountNumber(), ""));
        return v;
    }

    /** A value as the user reads it: the names of ids and codes chosen from a list, "(empty)" for nothing. */
    private static String show(WebRequest r, String field, String value) {
        if (value.isEmpty()) {
            return "(empty)";
        }
        try {
            return switch (field) {
            case "region" -> r.names().region(new RegionCode(value));
            case "sector" -> r.names().sector(new SectorCode(value));
            case "leadPartner" -> r.names().partner(PartnerId.of(value));
            case "leadStaff" -> r.names().staff(StaffUserId.of(value));
            case "status" -> Option.words(value);
            default -> value;
            };
        } catch (ValidationException | IllegalArgumentException e) {
            return value;
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    private static void requireWriter(WebRequest r, String what) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not " + what + " (STAFF and above may)");
        }
    }

    private void render(WebRequest r, int status, Employer stored, Map<String, String> values, FormErrors errors, Long version,
            List<Difference> differences, List<PossibleDuplicate> duplicates) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", stored);
        p.put("values", values);
        p.put("errors", errors);
        p.put("version", version != null ? version : stored == null ? null : stored.version());
        p.put("differences", differences);
        p.put("duplicates", duplicates);
        p.put("regions", r.names().regions().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("sectors", r.names().sectors().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("partners", r.names().partners().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("staff", r.names().staff().values().stream().filter(u -> u.active())
                .map(u -> new Option(u.id().asString(), u.name() + " (" + r.names().partner(u.partner()) + ")")).toList());
        p.put("statuses", Option.of(EmployerStatus.class));
        String title = stored == null ? "Add an employer" : "Edit " + stored.legalName();
        r.render(status, "employers/form.jte", errors.isEmpty() ? title : "Not saved: " + title, "/employers", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("legalName", "Legal name");
        m.put("tradeNames", "Trade names");
        m.put("fein", "FEIN");
        m.put("naics", "NAICS code");
        m.put("sector", "Sector");
        m.put("region", "Region");
        m.put("status", "Status");
        m.put("employees", "Employees");
        m.put("website", "Website");
        m.put("phone", "Main phone");
        m.put("tags", "Tags");
        m.put("dncSince", "Do not contact since");
        m.put("dncReason", "Reason not to contact");
        m.put("leadPartner", "Relationship lead partner");
        m.put("leadStaff", "Relationship lead staff member");
        m.put("estName", "Primary establishment name");
        m.put("estStreet", "Street");
        m.put("estCity", "City");
        m.put("estState", "State");
        m.put("estZip", "ZIP");
        m.put("estCounty", "County");
        m.put("estUi", "State UI account number");
        return java.util.Collections.unmodifiableMap(m);
    }
}
