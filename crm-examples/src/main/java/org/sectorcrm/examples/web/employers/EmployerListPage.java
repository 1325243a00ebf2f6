package org.sectorcrm.examples.web.employers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;

/**
 * The employer list: full-text search and filters in the URL (a GET form), keyset pages ({@code after=<last id>}), so the
 * back button and a bookmark return the same page. Search and the storage's filters run in the store; "not contacted in
 * N days" and the filters a search cannot take are applied to the rows as they come, reading on until the page is full.
 */
public final class EmployerListPage {
    static final int ROWS = 25;
    /** At most this many stored rows are looked at for one page, so a filter that matches nothing still answers fast. */
    static final int SCAN = 2000;

    /** One row of the table. */
    public record Row(String id, String name, String region, String sector, String status, String lead) {
    }

    public void show(WebRequest r) {
        CrmSession s = r.crm();
        FormErrors errors = new FormErrors(Map.of("q", "Search", "quiet", "Not contacted in (days)"));
        String q = r.query("q");
        EmployerFilter filter = EmployerFilter.ALL;
        String region = r.query("region");
        String sector = r.query("sector");
        String status = r.query("status");
        String lead = r.query("lead");
        if (region != null) {
            filter = filter.withRegion(errors.parse("region", region, RegionCode::new));
        }
        if (sector != null) {
            filter = filter.withSector(errors.parse("sector", sector, SectorCode::new));
        }
        if (status != null) {
            filter = filter.withStatus(errors.parse("status", status, EmployerStatus::valueOf));
        }
        if (lead != null) {
            filter = filter.withLeadPartner(errors.parse("lead", lead, PartnerId::of));
        }
        Integer quiet = errors.parse("quiet", r.query("quiet"), t -> {
            int n = Integer.parseInt(t);
            if (n < 1 || n > 3650) {
                throw new IllegalArgumentException();
            }
            return n;
        });
        if (q != null && q.strip().length() < 3) {
            errors.add("q", "search words need at least three letters");
        }
        List<Employer> rows = new ArrayList<>();
        String next = null;
        if (errors.isEmpty()) {
            Set<EmployerId> recent = quiet == null ? Set.of() : contactedSince(s, r, quiet);
            EmployerFilter f = filter;
            String after = r.query("after");
            int scanned = 0;
            boolean exhausted = false;
            while (rows.size() < ROWS && scanned < SCAN) {
                PageRequest page = new PageRequest(after, 100);
                Page<Employer> got = q != null ? s.employers().search(q, page) : s.employers().list(f, page);
                boolean stoppedEarly = false;
                for (int i = 0; i < got.items().size(); i++) {
                    Employer e = got.items().get(i);
                    scanned++;
                    after = e.id().asString();
                    if ((q == null || f.matches(e)) && (quiet == null || !recent.contains(e.id()))) {
                        rows.add(e);
                        if (rows.size() == ROWS) {
                            stoppedEarly = i < got.items().size() - 1;
                            break;
                        }
                    }
                }
                if (got.items().isEmpty() || (!got.hasNext() && !stoppedEarly)) {
                    exhausted = true;
                    break;
                }
            }
            next = exhausted ? null : after;
        }
        if ("name".equals(r.query("sort"))) {
            rows.sort(Comparator.comparing(e -> e.legalName().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Row> table = new ArrayList<>();
        for (Employer e : rows) {
            r.names().knowEmployer(e);
            table.add(new Row(e.id().asString(), e.legalName(), r.names().region(e.region()), r.names().sector(e.sector()),
                    Option.words(e.status().name()), e.lead() == null ? "" : r.names().partner(e.lead().partner())
                            + (e.lead().staff() == null ? "" : " (" + r.names().staff(e.lead().staff()) + ")")));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("errors", errors);
        p.put("values", Map.of("q", nz(q), "region", nz(region), "sector", nz(sector), "status", nz(status), "lead", nz(lead),
                "quiet", nz(r.query("quiet")), "sort", nz(r.query("sort"))));
        p.put("regions", r.names().regions().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("sectors", r.names().sectors().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("partners", r.names().partners().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList());
        p.put("statuses", Option.of(EmployerStatus.class));
        p.put("rows", table);
        p.put("nextHref", next == null ? null : "/employers?" + query(r, next));
        p.put("firstHref", r.query("after") == null ? null : "/employers?" + query(r, null));
        r.render("employers/list.jte", q == null ? "Employers" : "Employers matching " + q, "/employers", p);
    }

    /** Employers with an engagement (any partner's) in the last {@code days} days: one paged read of those engagements. */
    private static Set<EmployerId> contactedSince(CrmSession s, WebRequest r, int days) {
        Set<EmployerId> out = new HashSet<>();
        EngagementFilter f = EngagementFilter.between(r.today().minusDays(days), r.today());
        var page = s.engagements().list(f, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(e -> out.add(e.employer()));
        while (page.hasNext()) {
            page = s.engagements().list(f, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            page.items().forEach(e -> out.add(e.employer()));
        }
        return out;
    }

    /** The current search and filters with another page's cursor. */
    private static String query(WebRequest r, String after) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("q", "region", "sector", "status", "lead", "quiet", "sort")) {
            String v = r.query(k);
            if (v != null) {
                b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        if (after != null) {
            b.append(b.length() == 0 ? "" : "&").append("after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
