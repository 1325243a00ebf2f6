package org.sectorcrm.examples.web.needs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Solutions: proposing one for an employer against one or more of its open needs (its type, name, lead partner,
 * contributing partners, dates, participants, cost and funding streams), and a page per solution with the needs it
 * answers and the lifecycle moves crm-core allows from its status (PROPOSED → AGREED → IN_DELIVERY → COMPLETED, or
 * DECLINED / CANCELLED), one button each, carrying the version the page showed.
 */
public final class SolutionPages {
    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/employers/{id}/solutions/new", this::newForm), WebRoute.post("/employers/{id}/solutions", this::propose),
                WebRoute.get("/solutions/{id}", this::show), WebRoute.post("/solutions/{id}/move", this::move));
    }

    /** A need the solution answers: its page and its words. */
    public record NeedRow(String href, String label, String status) {
    }

    void newForm(WebRequest r) {
        NeedPages.requireWriter(r);
        Employer e = r.crm().employers().get(EmployerId.of(r.path("id")));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("leadPartner", r.actor().partner().asString());
        Set<String> needs = new LinkedHashSet<>();
        if (r.query("need") != null) {
            needs.add(r.query("need"));
        }
        form(r, 200, e, values, needs, Set.of(), new FormErrors(labels()));
    }

    void propose(WebRequest r) {
        NeedPages.requireWriter(r);
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        FormErrors errors = new FormErrors(labels());
        SolutionType type = errors.parse("type", r.form("type"), SolutionType::valueOf);
        PartnerId lead = errors.parse("leadPartner", r.form("leadPartner"), PartnerId::of);
        Set<NeedId> needs = new LinkedHashSet<>();
        r.forms("needs").forEach(n -> needs.add(errors.parse("needs", n, NeedId::of)));
        Set<PartnerId> contributors = new LinkedHashSet<>();
        r.forms("contributors").forEach(c -> contributors.add(errors.parse("contributors", c, PartnerId::of)));
        needs.remove(null);
        contributors.remove(null);
        LocalDate start = errors.parse("startDate", r.form("startDate"), LocalDate::parse);
        LocalDate end = errors.parse("endDate", r.form("endDate"), LocalDate::parse);
        Integer participants = errors.parse("participants", r.form("participants"), Integer::valueOf);
        BigDecimal cost = errors.parse("cost", r.form("cost"), t -> new BigDecimal(t.replace(",", "").replace("$", "")));
        List<String> funding = r.form("fundingStreams") == null ? List.of()
                : Arrays.stream(r.form("fundingStreams").split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        if (needs.isEmpty()) {
            errors.add("needs", "choose at least one need the solution answers (raise the need first if it is not listed)");
        }
        Solution draft = null;
        try {
            // the whole record at once, so that every problem is reported together (a chain of withers stops at the first)
            draft = new Solution(null, null, e.id(), null, needs, type, r.form("name"), lead, contributors, funding, SolutionStatus.PROPOSED, start, end,
                    participants, cost);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> {
                if (errors.of(FormErrors.firstSegment(v)) == null) {
                    errors.add(FormErrors.firstSegment(v), v.message());
                }
            });
        }
        if (errors.isEmpty()) {
            Solution ready = draft;
            Solution saved = errors.save(() -> s.solutions().create(ready), FormErrors::firstSegment);
            if (saved != null) {
                r.redirect("/solutions/" + saved.id().asString(), "Proposed the solution.");
                return;
            }
        }
        form(r, 400, e, r.formValues(), new LinkedHashSet<>(r.forms("needs")), new LinkedHashSet<>(r.forms("contributors")), errors);
    }

    private void form(WebRequest r, int status, Employer e, Map<String, String> values, Set<String> needs, Set<String> contributors, FormErrors errors) {
        PartnerId me = r.actor().partner();
        List<Option> open = new ArrayList<>();
        for (BusinessNeed n : r.crm().needs().list(new NeedFilter(e.id(), null, null, null), PageRequest.first(200)).items()) {
            if (!n.status().isClosed()) {
                open.add(new Option(n.id().asString(), Option.words(n.category().name()) + ": " + n.description()));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", e);
        p.put("values", values);
        p.put("errors", errors);
        p.put("types", Option.of(SolutionType.class));
        p.put("needs", open);
        p.put("checkedNeeds", needs);
        p.put("partners", r.names().partners().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("others", r.names().partners().values().stream().filter(x -> !x.id().equals(me)).map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("checkedContributors", contributors);
        String title = "Propose a solution for " + e.legalName();
        r.render(status, "needs/propose.jte", errors.isEmpty() ? title : "Not saved: " + title, "/employers", p);
    }

    void show(WebRequest r) {
        page(r, 200, r.crm().solutions().get(SolutionId.of(r.path("id"))), null);
    }

    void move(WebRequest r) {
        NeedPages.requireWriter(r);
        CrmSession s = r.crm();
        SolutionId id = SolutionId.of(r.path("id"));
        FormErrors errors = new FormErrors(Map.of());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        SolutionStatus to = errors.parse("to", r.form("to"), SolutionStatus::valueOf);
        if (version == null || to == null) {
            throw ValidationException.of("solution", "status", "the form names no move or no version: reload the solution");
        }
        // The agreement day the user gives with the move to AGREED; left empty, crm-core records today.
        String day = r.form("agreedOn");
        java.time.LocalDate agreedOn = day == null || day.isBlank() ? null : errors.parse("agreedOn", day, java.time.LocalDate::parse);
        if (agreedOn == null && day != null && !day.isBlank()) {
            throw ValidationException.of("solution", "agreedOn", "must be a date like 2026-03-31 but was '" + day + "'");
        }
        Solution moved;
        try {
            moved = s.solutions().moveTo(id, version, to, agreedOn);
        } catch (ConflictException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw stale;
            }
            Solution now = s.solutions().get(id);
            page(r, 409, now, "Someone changed this solution while you were looking at it: it is "
                    + Option.words(now.status().name()).toLowerCase(java.util.Locale.ROOT) + " now. Nothing was saved; check it below and choose again.");
            return;
        }
        r.redirect("/solutions/" + id.asString(), "The solution is " + Option.words(moved.status().name()).toLowerCase(java.util.Locale.ROOT) + " now.");
    }

    private void page(WebRequest r, int status, Solution so, String conflict) {
        List<NeedRow> needs = new ArrayList<>();
        if (so.employer() != null) {
            // one read: the employer's needs, of which those the solution names
            for (BusinessNeed n : r.crm().needs().list(new NeedFilter(so.employer(), null, null, null), PageRequest.first(200)).items()) {
                if (so.needs().contains(n.id())) {
                    needs.add(new NeedRow("/needs/" + n.id().asString(), Option.words(n.category().name()) + ": " + n.description(),
                            Option.words(n.status().name())));
                }
            }
        }
        List<NeedPages.Move> moves = new ArrayList<>();
        if (r.canWrite()) {
            for (SolutionStatus to : so.status().next()) {
                moves.add(new NeedPages.Move(to.name(), switch (to) {
                case AGREED -> "Agreed with the employer";
                case IN_DELIVERY -> "Start delivery";
                case COMPLETED -> "Mark completed";
                case DECLINED -> "Declined by the employer";
                case CANCELLED -> "Cancel the solution";
                default -> Option.words(to.name());
                }, to == SolutionStatus.DECLINED || to == SolutionStatus.CANCELLED));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("so", so);
        p.put("employer", so.employer() == null ? null : r.names().employer(so.employer()));
        p.put("type", Option.words(so.type().name()));
        p.put("status", Option.words(so.status().name()));
        p.put("lead", r.names().partner(so.leadPartner()));
        p.put("contributors", so.contributors().stream().map(r.names()::partner).sorted().toList());
        p.put("needs", needs);
        p.put("moves", moves);
        p.put("conflict", conflict);
        r.render(status, "needs/solution.jte", "Solution: " + so.name(), "/employers", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "Type");
        m.put("name", "Name");
        m.put("needs", "Needs it answers");
        m.put("leadPartner", "Lead partner");
        m.put("contributors", "Contributing partners");
        m.put("startDate", "Starts");
        m.put("endDate", "Ends");
        m.put("participants", "Participants");
        m.put("cost", "Cost (US dollars)");
        m.put("fundingStreams", "Funding streams");
        return m;
    }
}
