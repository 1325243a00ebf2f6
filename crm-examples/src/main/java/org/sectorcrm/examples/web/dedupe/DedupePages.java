package org.sectorcrm.examples.web.dedupe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MergePreview;
import org.sectorcrm.core.dedupe.MovedRecord;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The duplicate review queue (docs/web.md): the dedupe scan's candidate pairs a page at a time (the scan's keyset cursor
 * in the URL, so a stopped review goes on where it was), "Not a duplicate" (never proposed again), a merge preview field
 * by field with what moves, the merge, and its record with an unmerge. The rules are crm-core's and those of
 * {@code DedupeRoutes}: reviewing is STAFF, merge and unmerge MANAGER. The queue is STAFF and above although the scan
 * itself is open to any role, because a VIEWER could act on nothing it lists.
 */
public final class DedupePages {
    /** Pairs asked of one scan page (the scan may answer a few more: an employer's pairs all come on one page). */
    static final int PAIRS_PER_PAGE = 20;

    /** A pair's employer as the queue shows it. */
    public record Side(String id, String name, String address) {
        static Side of(Employer e) {
            var a = e.establishments().isEmpty() ? null : e.establishments().get(0).address();
            String address = a == null ? "" : a.street() + ", " + a.city() + ", " + a.state() + " " + a.zip();
            return new Side(e.id().asString(), e.legalName(), address);
        }
    }

    /** One row of the queue. */
    public record Row(Side first, Side second, String level, String score, List<String> reasons, String review) {
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/dedupe", this::queue), WebRoute.post("/dedupe/not-duplicate", this::notDuplicate),
                WebRoute.get("/dedupe/merge", this::preview), WebRoute.post("/dedupe/merge", this::merge),
                WebRoute.get("/dedupe/merges/{id}", this::merged), WebRoute.post("/dedupe/merges/{id}/unmerge", this::unmerge));
    }

    /** The roles that may open the queue, for the navigation too. */
    public static boolean mayReview(org.sectorcrm.core.Actor actor) {
        return actor.isAtLeast(Role.STAFF);
    }

    private static void require(WebRequest r, Role role, String what) {
        if (!r.actor().isAtLeast(role)) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not " + what + " (" + role + " and above may)");
        }
    }

    void queue(WebRequest r) {
        require(r, Role.STAFF, "review duplicate employers");
        String after = r.query("after");
        Page<CandidatePair> page = r.crm().dedupe().scan(after == null ? PageRequest.first(PAIRS_PER_PAGE) : PageRequest.after(after, PAIRS_PER_PAGE));
        List<Row> rows = page.items().stream().map(p -> new Row(Side.of(p.first()), Side.of(p.second()), p.level().name(),
                String.format(java.util.Locale.ROOT, "%.2f", p.score()), p.reasons(), p.review() == null ? "" : p.review().name())).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rows", rows);
        params.put("after", after == null ? "" : after);
        params.put("nextHref", page.next().map(n -> "/dedupe?after=" + enc(n)).orElse(null));
        params.put("firstHref", after == null ? null : "/dedupe");
        params.put("manager", r.actor().isAtLeast(Role.MANAGER));
        r.render("dedupe/queue.jte", "Duplicate review", "/dedupe", params);
    }

    void notDuplicate(WebRequest r) {
        EmployerId first = id(r, "first");
        EmployerId second = id(r, "second");
        r.crm().dedupe().review(first, second, ReviewDecision.NOT_DUPLICATE, null);
        String after = r.form("after");
        r.redirect(after == null ? "/dedupe" : "/dedupe?after=" + enc(after), "Marked as not a duplicate: " + r.crm().employers().get(first).legalName()
                + " and " + r.crm().employers().get(second).legalName() + ". The pair is not proposed again.");
    }

    void preview(WebRequest r) {
        require(r, Role.STAFF, "review duplicate employers");
        EmployerId survivor = queryId(r, "survivor");
        EmployerId merged = queryId(r, "merged");
        MergeChoices choices = choices(r::query);
        MergePreview p = r.crm().dedupe().preview(survivor, merged, choices);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("preview", p);
        params.put("choices", choices.fields());
        params.put("choosable", MergeChoices.CHOOSABLE);
        params.put("moving", new TreeMap<>(p.moving()));
        params.put("manager", r.actor().isAtLeast(Role.MANAGER));
        r.render("dedupe/merge.jte", "Merge " + p.merged().legalName() + " into " + p.survivor().legalName(), "/dedupe", params);
    }

    /**
     * Merges as the preview showed it: the form carries the field choices and both versions the preview read, and the
     * merge's own transaction refuses it when either employer changed since (the preview would no longer be what the
     * user approved).
     */
    void merge(WebRequest r) {
        require(r, Role.MANAGER, "merge employers");
        EmployerId survivor = id(r, "survivor");
        EmployerId merged = id(r, "merged");
        long survivorVersion = version(r, survivor, "survivorVersion");
        long mergedVersion = version(r, merged, "mergedVersion");
        EmployerMerge m = r.crm().dedupe().merge(survivor, merged, choices(r::form), survivorVersion, mergedVersion);
        r.redirect("/dedupe/merges/" + m.mergedId().asString(), "Merged " + m.merged().legalName() + " into " + m.survivorAfter().legalName() + ".");
    }

    /** {@code choice.FIELD=SURVIVOR|MERGED} for each field the user chose; the others take the default. */
    private static MergeChoices choices(java.util.function.Function<String, String> value) {
        Map<String, MergeChoices.Side> chosen = new LinkedHashMap<>();
        List<org.sectorcrm.core.FieldViolation> bad = new java.util.ArrayList<>();
        for (String field : MergeChoices.CHOOSABLE) {
            String v = value.apply("choice." + field);
            if (v == null || v.isBlank() || v.equals("DEFAULT")) {
                continue;
            }
            try {
                chosen.put(field, MergeChoices.Side.valueOf(v));
            } catch (IllegalArgumentException e) {
                bad.add(new org.sectorcrm.core.FieldViolation("merge", "choice." + field, "must be SURVIVOR or MERGED but was '" + v + "'"));
            }
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return new MergeChoices(chosen);
    }

    private static long version(WebRequest r, EmployerId id, String field) {
        String seen = r.form(field);
        if (seen == null) {
            throw ValidationException.of("merge", field, "is required: the version of employer " + id + " the preview showed");
        }
        try {
            return Long.parseLong(seen);
        } catch (NumberFormatException e) {
            throw ValidationException.of("merge", field, "must be a whole number but was '" + seen + "'");
        }
    }

    void merged(WebRequest r) {
        require(r, Role.STAFF, "review duplicate employers");
        EmployerMerge m = record(r);
        Map<String, Long> moved = new TreeMap<>();
        for (MovedRecord mr : m.moved()) {
            moved.merge(mr.type(), 1L, Long::sum);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("merge", m);
        params.put("survivorName", r.crm().dedupe().resolve(m.survivor()).map(id -> r.crm().employers().get(id).legalName())
                .orElse(m.survivorAfter().legalName()));
        params.put("moved", moved);
        params.put("manager", r.actor().isAtLeast(Role.MANAGER));
        r.render("dedupe/merged.jte", "Merged " + m.merged().legalName(), "/dedupe", params);
    }

    void unmerge(WebRequest r) {
        require(r, Role.MANAGER, "unmerge employers");
        EmployerMerge m = record(r);
        EmployerId survivor = id(r, "survivor");
        if (!m.survivor().equals(survivor)) {
            // as DedupeRoutes: an unmerge meant for one merge never undoes another
            throw ValidationException.of("unmerge", "survivor", "is not the employer " + m.mergedId() + " was merged into (" + m.survivor() + ")");
        }
        Employer restored = r.crm().dedupe().unmerge(m.mergedId());
        r.redirect("/employers/" + restored.id().asString(), "Unmerged: " + restored.legalName() + " is its own employer again.");
    }

    private static EmployerMerge record(WebRequest r) {
        EmployerId merged = EmployerId.of(r.path("id"));
        return r.crm().dedupe().merges().get(EmployerMergeId.of(merged));
    }

    private static EmployerId id(WebRequest r, String field) {
        String v = r.form(field);
        if (v == null) {
            throw ValidationException.of("dedupe", field, "is required: an employer id");
        }
        return EmployerId.of(v);
    }

    private static EmployerId queryId(WebRequest r, String field) {
        String v = r.query(field);
        if (v == null) {
            throw ValidationException.of("merge", field, "is required: an employer id");
        }
        return EmployerId.of(v);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
