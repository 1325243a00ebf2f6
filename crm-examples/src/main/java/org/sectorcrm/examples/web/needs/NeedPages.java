package org.sectorcrm.examples.web.needs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Business needs: raising one from the employer page (category, the employer's own words, urgency, the day it was
 * raised), and a page per need with the solutions proposed against it and the lifecycle moves crm-core allows from its
 * status, one button each. A closing move is dated today. Every move carries the version the page showed, so a need
 * a colleague moved meanwhile is shown as it is now and nothing is saved.
 */
public final class NeedPages {
    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/employers/{id}/needs/new", this::newForm), WebRoute.post("/employers/{id}/needs", this::raise),
                WebRoute.get("/needs/{id}", this::show), WebRoute.post("/needs/{id}/move", this::move));
    }

    /** A move the page offers: the status it leads to, and the button's words. */
    public record Move(String to, String label, boolean closes) {
    }

    /** A solution proposed against the need, already in words. */
    public record SolutionRow(String href, String name, String type, String status, String lead) {
    }

    void newForm(WebRequest r) {
        requireWriter(r);
        Employer e = r.crm().employers().get(EmployerId.of(r.path("id")));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("urgency", Urgency.MEDIUM.name());
        values.put("raisedOn", r.today().toString());
        form(r, 200, e, values, new FormErrors(labels()));
    }

    void raise(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        FormErrors errors = new FormErrors(labels());
        NeedCategory category = errors.parse("category", r.form("category"), NeedCategory::valueOf);
        Urgency urgency = errors.parse("urgency", r.form("urgency"), Urgency::valueOf);
        LocalDate raisedOn = errors.parse("raisedOn", r.form("raisedOn"), LocalDate::parse);
        BusinessNeed draft = null;
        try {
            draft = BusinessNeed.raised(e.id(), category, r.form("description"), urgency, raisedOn);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> {
                // a field that failed to parse already says so; do not add "is required" on top
                if (errors.of(FormErrors.firstSegment(v)) == null) {
                    errors.add(FormErrors.firstSegment(v), v.message());
                }
            });
        }
        if (errors.isEmpty()) {
            BusinessNeed ready = draft;
            BusinessNeed saved = errors.save(() -> s.needs().create(ready), FormErrors::firstSegment);
            if (saved != null) {
                r.redirect("/needs/" + saved.id().asString(), "Raised the need.");
                return;
            }
        }
        form(r, 400, e, r.formValues(), errors);
    }

    private void form(WebRequest r, int status, Employer e, Map<String, String> values, FormErrors errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", e);
        p.put("values", values);
        p.put("errors", errors);
        p.put("categories", Option.of(NeedCategory.class));
        p.put("urgencies", Option.of(Urgency.class));
        String title = "Raise a need of " + e.legalName();
        r.render(status, "needs/new.jte", errors.isEmpty() ? title : "Not saved: " + title, "/employers", p);
    }

    void show(WebRequest r) {
        page(r, 200, r.crm().needs().get(NeedId.of(r.path("id"))), null);
    }

    void move(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        NeedId id = NeedId.of(r.path("id"));
        FormErrors errors = new FormErrors(Map.of());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        NeedStatus to = errors.parse("to", r.form("to"), NeedStatus::valueOf);
        if (version == null || to == null) {
            throw ValidationException.of("need", "status", "the form names no move or no version: reload the need");
        }
        BusinessNeed moved;
        try {
            moved = s.needs().moveTo(id, version, to, r.today());
        } catch (ConflictException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw stale;
            }
            BusinessNeed now = s.needs().get(id);
            page(r, 409, now, "Someone changed this need while you were looking at it: it is "
                    + Option.words(now.status().name()).toLowerCase(java.util.Locale.ROOT) + " now. Nothing was saved; check it below and choose again.");
            return;
        }
        r.redirect("/needs/" + id.asString(), "The need is " + Option.words(moved.status().name()).toLowerCase(java.util.Locale.ROOT) + " now.");
    }

    private void page(WebRequest r, int status, BusinessNeed n, String conflict) {
        CrmSession s = r.crm();
        List<SolutionRow> solutions = new ArrayList<>();
        // one read: the employer's solutions, of which those naming this need
        for (Solution so : s.solutions().list(new SolutionFilter(n.employer(), null, null, null, null), PageRequest.first(200)).items()) {
            if (so.needs().contains(n.id())) {
                solutions.add(new SolutionRow("/solutions/" + so.id().asString(), so.name(), Option.words(so.type().name()),
                        Option.words(so.status().name()), r.names().partner(so.leadPartner())));
            }
        }
        List<Move> moves = new ArrayList<>();
        if (r.canWrite()) {
            for (NeedStatus to : n.status().next()) {
                moves.add(new Move(to.name(), switch (to) {
                case IN_PROGRESS -> "Start work on it";
                case MET -> "Mark met";
                case UNMET -> "Mark unmet";
                case WITHDRAWN -> "Withdrawn by the employer";
                default -> Option.words(to.name());
                }, to.isClosed()));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", n);
        p.put("employer", r.names().employer(n.employer()));
        p.put("category", Option.words(n.category().name()));
        p.put("status", Option.words(n.status().name()));
        p.put("urgency", Option.words(n.urgency().name()));
        p.put("solutions", solutions);
        p.put("moves", moves);
        p.put("conflict", conflict);
        r.render(status, "needs/show.jte", "Need: " + Option.words(n.category().name()), "/employers", p);
    }

    static void requireWriter(WebRequest r) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not change needs or solutions (STAFF and above may)");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("category", "Category");
        m.put("description", "In the employer's words");
        m.put("urgency", "Urgency");
        m.put("raisedOn", "Raised on");
        return m;
    }
}
