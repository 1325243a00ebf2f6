package org.sectorcrm.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.report.EseDrillDown;
import org.sectorcrm.core.report.EseOptions;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.report.ReportArea;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Drill-down of one ESE figure: the report gives the establishment ids, and for a page of them this reads the
 * employer's countable engagements of the figure's days and category (one indexed query per employer of the page:
 * employer, days, staff-assisted, category), keeping those at the establishment.
 */
final class EseDrill {
    private EseDrill() {
    }

    static EseDrillDown drill(StorageTransaction tx, ProgramPeriod period, ReportArea area, String figure, String after, int limit) {
        EseReport report = EseCalculation.compute(tx, period, area, EseOptions.DEFAULTS);
        List<String> ids;
        EseCategory category = null;
        LocalDate from = period.start();
        LocalDate to = period.end();
        if (figure.matches("row[1-8]")) {
            EseReport.Row row = report.rows().get(Integer.parseInt(figure.substring(3)) - 1);
            ids = row.establishments();
            category = row.category();
        } else if (figure.equals("total")) {
            ids = report.total().establishments();
        } else if (figure.equals("repeat")) {
            ids = report.repeatBusiness().establishments();
        } else if (figure.equals("lookBack")) {
            ids = report.repeatBusiness().denominatorEstablishments();
            from = report.lookBack().start();
            to = report.lookBack().end();
        } else {
            throw ValidationException.of("report", "figure", "must be row1..row8, total, repeat or lookBack but was '" + figure + "'");
        }
        // Which employer each establishment belongs to: the report's own storage rows (both windows) name it.
        Map<String, EmployerId> owner = new java.util.HashMap<>();
        PartnerId partner = area instanceof ReportArea.OfPartner o ? o.partner() : null;
        for (var s : tx.reports().eseEstablishments(EseCalculation.query(tx, period, area, EseOptions.DEFAULTS))) {
            if (s.establishment() != null) {
                owner.putIfAbsent(s.establishment().asString(), s.employer());
            }
        }
        List<String> page = ids.stream().filter(id -> after == null || id.compareTo(after) > 0).limit(limit + 1L).toList();
        boolean more = page.size() > limit;
        page = more ? page.subList(0, limit) : page;
        List<EseDrillDown.Item> items = new ArrayList<>();
        for (String id : page) {
            EmployerId employerId = owner.get(id);
            Employer employer = employerId == null ? null : tx.employers().find(employerId).orElse(null);
            if (employer == null) {
                continue;
            }
            String primary = employer.primaryEstablishment().map(e -> e.id().asString()).orElse(null);
            EngagementFilter filter = new EngagementFilter(employerId, partner, null, from, to, true, null, category, null, null);
            List<Engagement> behind = new ArrayList<>();
            for (Engagement g : NetworkHealth.all(tx.engagements(), filter)) {
                String at = g.establishment() == null ? primary : g.establishment().asString();
                if (g.countsForEse() && id.equals(at)) {
                    behind.add(g);
                }
            }
            behind.sort(Comparator.comparing(Engagement::date).thenComparing(g -> g.id().asString()));
            List<EngagementId> engagementIds = behind.stream().map(Engagement::id).toList();
            items.add(new EseDrillDown.Item(id, employerId, employer.legalName(), engagementIds));
        }
        return new EseDrillDown(period.label(), area.label(), figure, ids.size(), items, more ? page.get(page.size() - 1) : null);
    }
}
