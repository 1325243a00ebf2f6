package org.sectorcrm.examples.reports;

import java.io.Writer;
import java.util.List;

import org.sectorcrm.examples.csv.CsvWriter;

/**
 * The CSV forms of the reports crm-core computes ({@code crm.as(user).reports()}); the JSON form is the report record
 * itself, the same on the command line and over the API. Nothing is computed here.
 */
public final class Reports {
    private Reports() {
    }

    /** The report as CSV (header row first), safe to open in a spreadsheet. */
    public static void csv(org.sectorcrm.core.report.EmployersByRegionSector report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("region", "regionName", "sector", "sectorName", "employers"));
        for (org.sectorcrm.core.report.RegionSectorCount g : report.groups()) {
            csv.write(List.of(g.region() == null ? "" : g.region().asString(), nz(g.regionName()), g.sector() == null ? "" : g.sector().asString(),
                    nz(g.sectorName()), Long.toString(g.employers())));
        }
    }

    /** The report as CSV (header row first), safe to open in a spreadsheet. */
    public static void csv(org.sectorcrm.core.report.OverdueReferrals report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("referral", "fromPartner", "fromPartnerName", "toPartner", "toPartnerName", "employer", "employerName", "requestedService",
                "sentOn", "responseDue", "daysOverdue"));
        for (org.sectorcrm.core.report.OverdueReferral r : report.referrals()) {
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

    /** Retention with the Same Employer: the cohort's figures, then one line per exit quarter. */
    public static void csv(org.sectorcrm.core.report.RetentionReport report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("exitQuarter", "exiters", "employedQ2", "sameEmployerQ2andQ4", "rate", "undefinedReason"));
        csv.write(retention("all" + (report.exitFrom() == null && report.exitTo() == null ? "" : " " + nz(s(report.exitFrom())) + ".." + nz(s(report.exitTo()))),
                report.exiters(), report.retention()));
        for (org.sectorcrm.core.report.RetentionReport.Quarter q : report.byExitQuarter()) {
            csv.write(retention(q.exitQuarter().toString(), q.exiters(), q.retention()));
        }
    }

    private static List<String> retention(String label, long exiters, org.sectorcrm.core.report.RetentionReport.Ratio r) {
        return List.of(label, Long.toString(exiters), Long.toString(r.denominator()), Long.toString(r.numerator()),
                r.rate() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", r.rate()), nz(r.undefinedReason()));
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    private static void rate(CsvWriter csv, String name, org.sectorcrm.core.report.EseReport.Rate r) {
        csv.write(List.of(name, Long.toString(r.numerator()), r.denominator() == null ? "" : r.denominator().toString(),
                r.rate() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", r.rate()), nz(r.undefinedReason())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
