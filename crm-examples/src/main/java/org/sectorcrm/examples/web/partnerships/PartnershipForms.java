package org.sectorcrm.examples.web.partnerships;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.partnership.ActionTeam;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.Priority;
import org.sectorcrm.core.partnership.PriorityStatus;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The forms of the partnership page, each one write through crm-core as the signed-in user: the next stage along the
 * playbook ({@code advanceTo}), and adding a member, a support partner, a priority, an action team or a commitment, or
 * recording how much of a commitment was delivered ({@code update}). Each form carries the version the page showed: if
 * the partnership was changed meanwhile nothing is saved, the page shows it as it is now, and what was typed stays.
 */
final class PartnershipForms {
    private final PartnershipPages pages;

    PartnershipForms(PartnershipPages pages) {
        this.pages = pages;
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.post("/partnerships/{id}/stage", this::stage), WebRoute.post("/partnerships/{id}/members", this::member),
                WebRoute.post("/partnerships/{id}/support-partners", this::supportPartner), WebRoute.post("/partnerships/{id}/priorities", this::priority),
                WebRoute.post("/partnerships/{id}/action-teams", this::actionTeam), WebRoute.post("/partnerships/{id}/commitments", this::commitment),
                WebRoute.post("/partnerships/{id}/commitments/{index}/fulfilment", this::fulfilment));
    }

    /** The change a form asks of the stored partnership, or null when its fields are refused (noted in {@code errors}). */
    private interface Change {
        SectorPartnership apply(SectorPartnership stored, FormErrors errors);
    }

    void stage(WebRequest r) {
        PartnershipStage to = new FormErrors(Map.of()).parse("to", r.form("to"), PartnershipStage::valueOf);
        if (to == null) {
            throw ValidationException.of("partnership", "stage", "the form names no stage: reload the partnership");
        }
        write(r, labels(), "stage", "The partnership is " + Option.words(to.name()).toLowerCase(java.util.Locale.ROOT) + " now.",
                (s, id, version, changed) -> s.partnerships().advanceTo(id, version, to), (sp, e) -> sp);
    }

    void member(WebRequest r) {
        write(r, labels(), "memberEmployer", "Added the member.", null, (sp, e) -> {
            EmployerId employer = e.parse("memberEmployer", r.form("memberEmployer"), EmployerId::of);
            MemberRole role = e.parse("memberRole", r.form("memberRole"), MemberRole::valueOf);
            Member m = child(e, "memberEmployer", Map.of("employer", "memberEmployer", "role", "memberRole"), () -> new Member(employer, role));
            if (m == null) {
                return null;
            }
            List<Member> all = new ArrayList<>(sp.members());
            all.add(m);
            return sp.withMembers(all);
        });
    }

    void supportPartner(WebRequest r) {
        write(r, labels(), "supportPartner", "Added the support partner.", null, (sp, e) -> {
            PartnerId partner = e.parse("supportPartner", r.form("supportPartner"), PartnerId::of);
            if (partner == null) {
                e.add("supportPartner", "is required");
                return null;
            }
            Set<PartnerId> all = new LinkedHashSet<>(sp.supportPartners());
            all.add(partner);
            return sp.withSupportPartners(all);
        });
    }

    void priority(WebRequest r) {
        write(r, labels(), "priorityTitle", "Added the priority.", null, (sp, e) -> {
            NeedCategory area = e.parse("priorityArea", r.form("priorityArea"), NeedCategory::valueOf);
            PriorityStatus status = e.parse("priorityStatus", r.form("priorityStatus"), PriorityStatus::valueOf);
            Priority p = child(e, "priorityTitle", Map.of("title", "priorityTitle", "area", "priorityArea", "status", "priorityStatus"),
                    () -> new Priority(r.form("priorityTitle"), area, status));
            if (p == null) {
                return null;
            }
            List<Priority> all = new ArrayList<>(sp.priorities());
            all.add(p);
            return sp.withPriorities(all);
        });
    }

    void actionTeam(WebRequest r) {
        write(r, labels(), "teamName", "Added the action team.", null, (sp, e) -> {
            ActionTeam t = child(e, "teamName", Map.of("name", "teamName", "priority", "teamPriority"), () -> new ActionTeam(r.form("teamName"), r.form("teamPriority"), null));
            if (t == null) {
                return null;
            }
            List<ActionTeam> all = new ArrayList<>(sp.actionTeams());
            all.add(t);
            return sp.withActionTeams(all);
        });
    }

    void commitment(WebRequest r) {
        write(r, labels(), "commitmentMember", "Recorded the commitment.", null, (sp, e) -> {
            EmployerId member = e.parse("commitmentMember", r.form("commitmentMember"), EmployerId::of);
            CommitmentKind kind = e.parse("commitmentKind", r.form("commitmentKind"), CommitmentKind::valueOf);
            BigDecimal value = e.parse("commitmentValue", r.form("commitmentValue"), PartnershipForms::number);
            Commitment c = child(e, "commitmentMember", Map.of("member", "commitmentMember", "kind", "commitmentKind", "description", "commitmentDescription", "value",
                    "commitmentValue"), () -> new Commitment(member, kind, r.form("commitmentDescription"), value, BigDecimal.ZERO));
            if (c == null) {
                return null;
            }
            List<Commitment> all = new ArrayList<>(sp.commitments());
            all.add(c);
            return sp.withCommitments(all);
        });
    }

    void fulfilment(WebRequest r) {
        int index = Integer.parseInt(r.path("index").replaceAll("\\D", "").isEmpty() ? "-1" : r.path("index").replaceAll("\\D", ""));
        String field = "fulfilled-" + index;
        Map<String, String> labels = labels();
        labels.put(field, "Delivered so far (commitment " + (index + 1) + ")");
        write(r, labels, field, "Recorded what was delivered.", null, (sp, e) -> {
            if (index < 0 || index >= sp.commitments().size()) {
                e.add(field, "there is no such commitment any more: reload the partnership");
                return null;
            }
            BigDecimal done = e.parse(field, r.form(field), PartnershipForms::number);
            if (done == null) {
                e.add(field, "is required (a number)");
                return null;
            }
            Commitment old = sp.commitments().get(index);
            Commitment c = child(e, field, Map.of("fulfilled", field, "value", field), () -> new Commitment(old.member(), old.kind(), old.description(), old.value(), done));
            if (c == null) {
                return null;
            }
            List<Commitment> all = new ArrayList<>(sp.commitments());
            all.set(index, c);
            return sp.withCommitments(all);
        });
    }

    /** A lifecycle move instead of an update. */
    private interface Move {
        SectorPartnership run(CrmSession s, PartnershipId id, long version, SectorPartnership changed);
    }

    /**
     * Runs one form: the stored partnership, the change the form asks for (refused fields are shown at once), the write
     * at the version the form carries (crm-core's refusals land on {@code fallback}), and the page again or a redirect.
     */
    private void write(WebRequest r, Map<String, String> labels, String fallback, String done, Move move, Change change) {
        PartnershipPages.requireWriter(r);
        CrmSession s = r.crm();
        PartnershipId id = PartnershipId.of(r.path("id"));
        FormErrors errors = new FormErrors(labels);
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            throw ValidationException.of("partnership", "version", "the form carries no version: reload the partnership");
        }
        SectorPartnership stored = s.partnerships().get(id);
        SectorPartnership changed = change.apply(stored, errors);
        if (changed == null || !errors.isEmpty()) {
            pages.page(r, 400, stored, errors, r.formValues(), null);
            return;
        }
        try {
            SectorPartnership saved = errors.save(() -> move == null ? s.partnerships().update(id, version, changed) : move.run(s, id, version, changed),
                    v -> labels.containsKey(FormErrors.firstSegment(v)) && !FormErrors.firstSegment(v).equals("version") ? FormErrors.firstSegment(v) : fallback);
            if (saved == null) {
                pages.page(r, 400, stored, errors, r.formValues(), null);
                return;
            }
        } catch (ConflictException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw stale;
            }
            SectorPartnership now = s.partnerships().get(id);
            pages.page(r, 409, now, new FormErrors(labels), r.formValues(), "Someone changed this partnership while you were looking at it (it is "
                    + Option.words(now.stage().name()).toLowerCase(java.util.Locale.ROOT) + " now). Nothing was saved; what you typed is still in "
                    + "the form. Check the partnership below, then try again if it still applies.");
            return;
        }
        r.redirect("/partnerships/" + id.asString(), done);
    }

    /** Builds a member, priority, team or commitment; its refusals land on the form fields {@code fields} names. */
    private static <T> T child(FormErrors errors, String fallback, Map<String, String> fields, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> {
                String field = fields.getOrDefault(FormErrors.firstSegment(v), fallback);
                if (errors.of(field) == null) { // a field that did not parse already says so
                    errors.add(field, v.message());
                }
            });
            return null;
        }
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", "").replace("$", "").strip());
    }

    static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stage", "Stage");
        m.put("memberEmployer", "Member employer");
        m.put("memberRole", "Part");
        m.put("supportPartner", "Support partner");
        m.put("priorityTitle", "Priority");
        m.put("priorityArea", "Area");
        m.put("priorityStatus", "Priority status");
        m.put("teamName", "Action team");
        m.put("teamPriority", "Priority it works on");
        m.put("commitmentMember", "Pledged by");
        m.put("commitmentKind", "Kind of commitment");
        m.put("commitmentDescription", "What was pledged");
        m.put("commitmentValue", "Pledged amount");
        return m;
    }
}
