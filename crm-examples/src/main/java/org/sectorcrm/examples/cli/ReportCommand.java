package org.sectorcrm.examples.cli;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.reports.Reports;
import org.sectorcrm.examples.server.ApiJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report ese|employers-by-region-sector|overdue-referrals [--period P --area A] [--status S] [--on DATE] [--format csv|json] --as EMAIL}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print a report to standard output, computed with the rights of the --as user:",
            "  ese --period PY2025|PY2025Q1..Q4 --area state|region:CODE|partner:ID: WIOA Effectiveness in Serving Employers (ETA-9169),"
                    + " establishment counts per category, total, penetration and repeat-business rates (docs/reports.md);",
            "  employers-by-region-sector [--status S]: employers per region and sector (counted by the database);",
            "  overdue-referrals [--on DATE]: referrals sent and not answered after their response due date (default: today, UTC).",
            "Exit codes: 0 printed; 2 nothing printed (bad arguments, unknown --as)."})
public final class ReportCommand extends Job {
    /** Which report. */
    public enum Kind {
        ESE("ese"), EMPLOYERS_BY_REGION_SECTOR("employers-by-region-sector"), OVERDUE_REFERRALS("overdue-referrals");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** Picocli's converter: the report's name as written on the command line (any case). */
        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.label.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("no report '" + s + "': ese, employers-by-region-sector or overdue-referrals");
        }
    }

    /** The output format. */
    public enum Format {
        CSV, JSON
    }

    @Parameters(index = "0", paramLabel = "REPORT", converter = KindConverter.class,
            description = "ese, employers-by-region-sector or overdue-referrals")
    Kind kind;

    @Option(names = "--period", paramLabel = "PERIOD", description = "ese: a program year PY2025 (2025-07-01..2026-06-30) or quarter PY2025Q1..PY2025Q4")
    String period;

    @Option(names = "--area", paramLabel = "AREA", description = "ese: state, region:CODE or partner:ID")
    String area;

    @Option(names = "--status", paramLabel = "STATUS", description = "employers-by-region-sector: count only employers of this status (PROSPECT, ACTIVE, ...)")
    EmployerStatus status;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "overdue-referrals: overdue as of this day (default: today, UTC)")
    LocalDate on;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.parse(value);
        }
    }

    @Override
    protected int run(CrmApplication app) throws Exception {
        if (kind != Kind.ESE && (period != null || area != null)) {
            throw new UsageException("--period and --area belong to ese, not to " + kind);
        }
        if (kind == Kind.ESE && (status != null || on != null)) {
            throw new UsageException("--status and --on do not belong to ese");
        }
        if (kind == Kind.ESE && (period == null || area == null)) {
            throw new UsageException("ese needs --period (e.g. PY2025Q1) and --area (state, region:CODE or partner:ID)");
        }
        if (kind == Kind.EMPLOYERS_BY_REGION_SECTOR && on != null) {
            throw new UsageException("--on belongs to overdue-referrals, not to " + kind);
        }
        if (kind == Kind.OVERDUE_REFERRALS && status != null) {
            throw new UsageException("--status belongs to employers-by-region-sector, not to " + kind);
        }
        CrmSession session = session(app);
        Object report = switch (kind) {
            case ESE -> session.reports().ese(period, area);
            case EMPLOYERS_BY_REGION_SECTOR -> Reports.employersByRegionSector(session, status);
            case OVERDUE_REFERRALS -> Reports.overdueReferrals(session, on != null ? on : LocalDate.now(app.crm().clock()));
        };
        if (format == Format.JSON) {
            // the same JSON as GET /api/v1/reports/..., indented for a reader
            ObjectMapper json = ApiJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            out().println(json.writeValueAsString(report));
        } else if (report instanceof org.sectorcrm.core.report.EseReport r) {
            out().write('\uFEFF');
            Reports.csv(r, out());
        } else if (report instanceof Reports.EmployersByRegionSector r) {
            out().write('\uFEFF'); // like export: spreadsheets then read the file as UTF-8
            Reports.csv(r, out());
        } else {
            out().write('\uFEFF');
            Reports.csv((Reports.OverdueReferrals) report, out());
        }
        return OK;
    }
}
