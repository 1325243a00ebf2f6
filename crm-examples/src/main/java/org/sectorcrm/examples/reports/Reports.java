package org.sectorcrm.examples.reports;

import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
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
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.spi.ReportQueries.GroupCount;
import org.sectorcrm.examples.csv.CsvWriter;

/**
 * The reports crm-core computes today, shaped once for both the command line ({@code report ...}, CSV or JSON) and the
 * REST API ({@code GET /api/v1/reports/...}), so the two always agree. They run as the caller's {@link CrmSession}, with
 * that user's rights. The formal accountability reports (ESE, outcomes, referral funnel) are not here yet.
 */
public final class Reports {
    private Reports() {
    }

    /** Employers per region and sector, counted by the storage (in SQL on a database), names added for readers. */
    public record EmployersByRegionSector(EmployerStatus status, List<RegionSectorCount> groups, long total) {
        public EmployersByRegionSector {
            groups = List.copyOf(groups);
        }
    }

    /** One (region, sector) group; a null region or sector is the group of employers without one. */
    public record RegionSectorCount(RegionCode region, String regionName, SectorCode sector, String sectorName, long employers) {
    }

    /** Referrals sent but not answered after their response due date, as of {@code on}. */
    public record OverdueReferrals(LocalDate on, List<OverdueReferral> referrals) {
        public OverdueReferrals {
            referrals = List.copyOf(referrals);
        }
    }

    /** One overdue referral with the names a reader needs; {@code daysOverdue} counts days after {@code responseDue}. */
    public record OverdueReferral(ReferralId referral, PartnerId fromPartner, String fromPartnerName, PartnerId toPartner, String toPartnerName,
            EmployerId employer, String employerName, String requestedService, LocalDate sentOn, LocalDate responseDue, long daysOverdue) {
    }

    public static EmployersByRegionSector employersByRegionSector(CrmSession session, EmployerStatus status) {
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

    public static OverdueReferrals overdueReferrals(CrmSession session, LocalDate on) {
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

    /** The report as CSV (header row first), safe to open in a spreadsheet. */
    public static void csv(EmployersByRegionSector report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("region", "regionName", "sector", "sectorName", "employers"));
        for (RegionSectorCount g : report.groups()) {
            csv.write(List.of(g.region() == null ? "" : g.region().asString(), nz(g.regionName()), g.sector() == null ? "" : g.sector().asString(),
                    nz(g.sectorName()), Long.toString(g.employers())));
        }
    }

    /** The report as CSV (header row first), safe to open in a spreadsheet. */
    public static void csv(OverdueReferrals report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("referral", "fromPartner", "fromPartnerName", "toPartner", "toPartnerName", "employer", "employerName", "requestedService",
                "sentOn", "responseDue", "daysOverdue"));
        for (OverdueReferral r : report.referrals()) {
            csv.write(List.of(r.referral().asString(), r.fromPartner().asString(), nz(r.fromPartnerName()), r.toPartner().asString(),
                    nz(r.toPartnerName()), r.employer().asString(), nz(r.employerName()), r.requestedService(), r.sentOn().toString(),
                    r.responseDue().toString(), Long.toString(r.daysOverdue())));
        }
    }

    /**
     * The ESE report in the ETA-9169 layout a state analyst pastes into the template: one line per row number with its
     * label and count, then the total and the two rates as numerator, denominator, rate (empty when undefined) and the
     * reason. The establishment ids are in the JSON form.
     */
    public static void csv(org.sectorcrm.core.report.EseReport report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("period", report.period().label(), report.period().start().toString(), report.period().end().toString()));
        csv.write(List.of("area", report.area()));
        csv.write(List.of("row", "label", "establishments"));
        for (org.sectorcrm.core.report.EseReport.Row r : report.rows()) {
            csv.write(List.of(Integer.toString(r.row()), r.label(), Long.toString(r.count())));
        }
        csv.write(List.of("", "Total establishments served (each once)", Long.toString(report.total().count())));
        csv.write(List.of("measure", "numerator", "denominator", "rate", "undefinedReason"));
        rate(csv, "Employer Penetration Rate (count of " + report.countQuarter() + ")", report.penetration());
        rate(csv, "Repeat Business Customers Rate (look-back " + report.lookBack().start() + ".." + report.lookBack().end() + ")", report.repeatBusiness());
    }

    private static void rate(CsvWriter csv, String name, org.sectorcrm.core.report.EseReport.Rate r) {
        csv.write(List.of(name, Long.toString(r.numerator()), r.denominator() == null ? "" : r.denominator().toString(),
                r.rate() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", r.rate()), nz(r.undefinedReason())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
