package org.sectorcrm.examples.web.partnerships;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.PriorityStatus;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Sector partnerships: the list (filtered by stage), convening a new one (the user's partner convenes it), and a page
 * per partnership: its stage along the playbook with the moves crm-core allows from there, its champions and members,
 * support partners, priorities, action teams and the members' commitments with their fulfilment, and the forms that add
 * to them ({@link PartnershipForms}). The page reads the partnership, the employers (once, for the member names and the
 * choice of new members) and the reference names: a fixed number of reads whatever the partnership's size.
 */
public final class PartnershipPages {
    static final int ROWS = 200;

    public List<WebRoute> routes() {
        PartnershipForms forms = new PartnershipForms(this);
        List<WebRoute> all = new ArrayList<>(List.of(WebRoute.get("/partnerships", this::list), WebRoute.get("/partnerships/new", this::newForm),
                WebRoute.post("/partnerships", this::convene), WebRoute.get("/partnerships/{id}", this::show)));
        all.addAll(forms.routes());
        return all;
    }

    /** One row of the list. */
    public record Row(String href, String name, String region, String sector, String stage, String convener, int members) {
    }

    /** A step of the playbook, and whether the partnership is there now or has passed it. */
    public record Step(String label, boolean current, boolean passed) {
    }

    /** A member employer with its part. */
    public record MemberRow(String href, String employer, String role) {
    }

    /** A commitment and how much of it was delivered, already in words; {@code index} addresses it in the fulfilment form. */
    public record CommitmentRow(int index, String member, String kind, String description, String pledged, String fulfilled, int percent,
            String unit, String fulfilledValue) {
    }

    void list(WebRequest r) {
        PartnershipStage stage = r.query("stage") == null ? null : parseOrNull(r.query("stage"));
        List<Row> rows = new ArrayList<>();
        for (SectorPartnership p : r.crm().partnerships().list(new PartnershipFilter(null, null, stage, null, null), PageRequest.first(ROWS)).items()) {
            rows.add(new Row("/partnerships/" + p.id().asString(), p.name(), r.names().region(p.region()), r.names().sector(p.sector()),
                    Option.words(p.stage().name()), r.names().partner(p.convener()), p.members().size()));
        }
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", rows);
        p.put("stages", Option.of(PartnershipStage.class));
        p.put("stage", stage == null ? null : stage.name());
        r.render("partnerships/list.jte", "Sector partnerships", "/partnerships", p);
    }

    private static PartnershipStage parseOrNull(String s) {
        try {
            return PartnershipStage.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void newForm(WebRequest r) {
        requireWriter(r);
        conveneForm(r, 200, new LinkedHashMap<>(), new FormErrors(conveneLabels()));
    }

    void convene(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        FormErrors errors = new FormErrors(conveneLabels());
        SectorPartnership draft = null;
        try {
            draft = SectorPartnership.convened(r.form("name"), r.form("region") == null ? null : new RegionCode(r.form("region")),
                    r.form("sector") == null ? null : new SectorCode(r.form("sector")), s.actor().partner());
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(FormErrors.firstSegment(v), v.message()));
        }
        if (errors.isEmpty()) {
            SectorPartnership ready = draft;
            SectorPartnership saved = errors.save(() -> s.partnerships().create(ready), FormErrors::firstSegment);
            if (saved != null) {
                r.redirect("/partnerships/" + saved.id().asString(), "Convened the partnership: it is building consensus now.");
                return;
            }
        }
        conveneForm(r, 400, r.formValues(), errors);
    }

    private void conveneForm(WebRequest r, int status, Map<String, String> values, FormErrors errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("values", values);
        p.put("errors", errors);
        p.put("regions", r.names().regions().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("sectors", r.names().sectors().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("convener", r.names().partner(r.actor().partner()));
        String title = "Convene a sector partnership";
        r.render(status, "partnerships/new.jte", errors.isEmpty() ? title : "Not saved: " + title, "/partnerships", p);
    }

    void show(WebRequest r) {
        page(r, 200, r.crm().partnerships().get(PartnershipId.of(r.path("id"))), new FormErrors(PartnershipForms.labels()), Map.of(), null);
    }

    /** The partnership page, with the problems and typed values of a refused form, or what changed meanwhile. */
    void page(WebRequest r, int status, SectorPartnership sp, FormErrors errors, Map<String, String> values, String conflict) {
        // one read of the employers names every member and offers the others as new members
        List<Employer> employers = r.crm().employers().list(EmployerFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        employers.forEach(r.names()::knowEmployer);
        List<Step> steps = new ArrayList<>();
        boolean passed = sp.stage() != PartnershipStage.DORMANT;
        for (PartnershipStage st : PartnershipStage.values()) {
            if (st == PartnershipStage.DORMANT) {
                continue;
            }
            boolean current = st == sp.stage();
            if (current) {
                passed = false;
            }
            steps.add(new Step(Option.words(st.name()), current, passed && !current));
        }
        List<Option> moves = new ArrayList<>();
        if (r.canWrite()) {
            for (PartnershipStage to : sp.stage().next()) {
                moves.add(new Option(to.name(), to == PartnershipStage.DORMANT ? "Mark dormant" : "Move to: " + Option.words(to.name())));
            }
        }
        List<MemberRow> members = new ArrayList<>();
        for (Member m : sp.members()) {
            members.add(new MemberRow("/employers/" + m.employer().asString(), r.names().employer(m.employer()), Option.words(m.role().name())));
        }
        members.sort(Comparator.comparing((MemberRow m) -> m.role().equals("Member")).thenComparing(MemberRow::employer));
        List<CommitmentRow> commitments = new ArrayList<>();
        for (int i = 0; i < sp.commitments().size(); i++) {
            Commitment c = sp.commitments().get(i);
            BigDecimal done = c.fulfilled() == null ? BigDecimal.ZERO : c.fulfilled();
            int percent = c.value().signum() == 0 ? 100 : done.multiply(BigDecimal.valueOf(100)).divide(c.value(), 0, RoundingMode.DOWN).intValue();
            String unit = c.kind() == CommitmentKind.TIME ? "hours" : "dollars";
            commitments.add(new CommitmentRow(i, r.names().employer(c.member()), Option.words(c.kind().name()), c.description(),
                    amount(c.kind(), c.value()), amount(c.kind(), done), percent, unit, done.toPlainString()));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sp", sp);
        p.put("region", r.names().region(sp.region()));
        p.put("sector", r.names().sector(sp.sector()));
        p.put("convener", r.names().partner(sp.convener()));
        p.put("stage", Option.words(sp.stage().name()));
        p.put("steps", steps);
        p.put("moves", moves);
        p.put("members", members);
        p.put("supportPartners", sp.supportPartners().stream().map(r.names()::partner).sorted().toList());
        p.put("commitments", commitments);
        p.put("errors", errors);
        p.put("values", values);
        p.put("conflict", conflict);
        p.put("memberOptions", sp.members().stream().map(m -> new Option(m.employer().asString(), r.names().employer(m.employer()))).toList());
        p.put("employerOptions", employers.stream().filter(e -> !sp.hasMember(e.id())).sorted(Comparator.comparing(Employer::legalName))
                .map(e -> new Option(e.id().asString(), e.legalName())).toList());
        p.put("partnerOptions", r.names().partners().values().stream().filter(x -> !x.id().equals(sp.convener()) && !sp.supportPartners().contains(x.id()))
                .map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("roles", Option.of(MemberRole.class));
        p.put("kinds", Option.of(CommitmentKind.class));
        p.put("areas", Option.of(NeedCategory.class));
        p.put("priorityStatuses", Option.of(PriorityStatus.class));
        p.put("priorityOptions", sp.priorities().stream().map(x -> new Option(x.title(), x.title())).toList());
        p.put("priorities", sp.priorities().stream().map(x -> new String[] {x.title(), Option.words(x.area().name()), Option.words(x.status().name())}).toList());
        p.put("teams", sp.actionTeams().stream().map(t -> new String[] {t.name(), t.priority() == null ? "–" : t.priority()}).toList());
        r.render(status, "partnerships/show.jte", (errors.isEmpty() ? "" : "Not saved: ") + sp.name(), "/partnerships", p);
    }

    private static String amount(CommitmentKind kind, BigDecimal v) {
        return kind == CommitmentKind.TIME ? v.toPlainString() + " hours" : "$" + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static void requireWriter(WebRequest r) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not change partnerships (STAFF and above may)");
        }
    }

    private static Map<String, String> conveneLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Name");
        m.put("region", "Region");
        m.put("sector", "Sector");
        return m;
    }
}
