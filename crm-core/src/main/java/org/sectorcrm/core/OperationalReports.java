package org.sectorcrm.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.report.EmployersByRegionSector;
import org.sectorcrm.core.report.OverdueReferral;
import org.sectorcrm.core.report.OverdueReferrals;
import org.sectorcrm.core.report.RegionSectorCount;
import org.sectorcrm.core.spi.ReportQueries.GroupCount;

/**
 * The two operational reports that crm-examples computed before issue 10 (employers per region and sector, overdue
 * referrals), now beside the accountability reports; they read as the session, with its rights.
 */
final class OperationalReports {
    private OperationalReports() {
    }

    static EmployersByRegionSector employersByRegionSector(CrmSession session, EmployerStatus status) {
        EmployerFilter filter = status == null ? EmployerFilter.ALL : EmployerFilter.ALL.withStatus(status);
        Map<RegionCode, String> regions = new HashMap<>();
        Map<SectorCode, String> sectors = new HashMap<>();
        List<RegionSectorCount> groups = new ArrayList<>();
        long total = 0;
        for (GroupCount g : session.employers().countByRegionAndSector(filter)) {
            String regionName = g.region() == null ? null
                    : regions.computeIfAbsent(g.region(), c -> session.reference().regions().find(c).map(Region::name).orElse(null));
            String sectorName = g.sector() == null ? null
                    : sectors.computeIfAbsent(g.sector(), c -> session.reference().sectors().find(c).map(Sector::name).orElse(null));
            groups.add(new RegionSectorCount(g.region(), regionName, g.sector(), sectorName, g.count()));
            total += g.count();
        }
        return new EmployersByRegionSector(status, groups, total);
    }

    static OverdueReferrals overdueReferrals(CrmSession session, LocalDate on) {
        Map<PartnerId, String> partners = new HashMap<>();
        Map<EmployerId, String> employers = new HashMap<>();
        List<OverdueReferral> rows = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Referral> p = session.referrals().overdue(on, page);
            for (Referral r : p.items()) {
                rows.add(new OverdueReferral(r.id(), r.fromPartner(), name(partners, r.fromPartner(), id -> session.reference().partners().find(id).map(Partner::name)),
                        r.toPartner(), name(partners, r.toPartner(), id -> session.reference().partners().find(id).map(Partner::name)),
                        r.employer(), name(employers, r.employer(), id -> session.employers().find(id).map(Employer::legalName)),
                        r.requestedService(), r.sentOn(), r.responseDue(), ChronoUnit.DAYS.between(r.responseDue(), on)));
            }
            if (p.nextCursor() == null) {
                return new OverdueReferrals(on, rows);
            }
            page = new PageRequest(p.nextCursor(), PageRequest.MAX_LIMIT);
        }
    }

    private static <I> String name(Map<I, String> cache, I id, Function<I, Optional<String>> lookup) {
        return cache.computeIfAbsent(id, k -> lookup.apply(k).orElse(null));
    }
}
