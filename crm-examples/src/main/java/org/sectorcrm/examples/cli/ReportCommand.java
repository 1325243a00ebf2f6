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
            "  retention --wages FILE.csv [--exit-from 2024-Q3] [--exit-to 2025-Q2]: Retention with the Same Employer from a wage-record file"
                    + " (participant,exitQuarter,q2,q4; read, computed on and discarded: nothing of it is stored);",
            "  employers-by-region-sector [--status S]: employers per region and sector (counted by the database);",
            "  overdue-referrals [--on DATE]: referrals sent and not answered after their response due date (default: today, UTC).",
            "  outcomes [--by SECTOR|REGION|PARTNERSHIP|SOLUTION_TYPE]: employer outcome measures, improvement in each metric's direction;",
            "  satisfaction; referrals [--on DATE]; needs-funnel; partnerships: the partner network's health;",
            "  cadence [--on DATE] [--days 90] [--sector-days MFG:30,HLT:60]: employers and champions past the contact cadence;",
            "  duplicated-effort [--on DATE] [--window-days 30]: employers engaged by uncoordinated partners.",
            "The reports from outcomes on print JSON (the API's); the others CSV unless --format json.",
            "Exit codes: 0 printed; 2 nothing printed (bad arguments, unknown --as)."})
public final class ReportCommand extends Job {
    /** Which report. */
    public enum Kind {
        ESE("ese"), RETENTION("retention"), EMPLOYERS_BY_REGION_SECTOR("employers-by-region-sector"), OVERDUE_REFERRALS("overdue-referrals"),
        OUTCOMES("outcomes"), SATISFACTION("satisfaction"), REFERRALS("referrals"), NEEDS_FUNNEL("needs-funnel"), PARTNERSHIPS("partnerships"),
        CADENCE("cadence"), DUPLICATED_EFFORT("duplicated-effort");

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
            throw new picocli.CommandLine.TypeConversionException("no report '" + s + "': ese, retention, employers-by-region-sector, overdue-referrals, outcomes, satisfaction,"
                    + " referrals, needs-funnel, partnerships, cadence or duplicated-effort");
        }
    }

    /** The output format. */
    public enum Format {
        CSV, JSON
    }

    @Parameters(index = "0", paramLabel = "REPORT", converter = KindConverter.class,
            description = "ese, retention, employers-by-region-sector, overdue-referrals, outcomes, satisfaction, referrals, needs-funnel,"
                    + " partnerships, cadence or duplicated-effort")
    Kind kind;

    @Option(names = "--period", paramLabel = "PERIOD", description = "ese: a program year PY2025 (2025-07-01..2026-06-30) or quarter PY2025Q1..PY2025Q4")
    String period;

    @Option(names = "--area", paramLabel = "AREA", description = "ese: state, region:CODE or partner:ID")
    String area;

    @Option(names = "--wages", paramLabel = "FILE", description = "retention: the wage-record CSV (participant,exitQuarter,q2,q4; q1, q3 ignored)")
    java.nio.file.Path wages;

    @Option(names = "--exit-from", paramLabel = "YYYY-Qn", description = "retention: first exit quarter of the cohort (default: the file's first)")
    String exitFrom;

    @Option(names = "--exit-to", paramLabel = "YYYY-Qn", description = "retention: last exit quarter of the cohort (default: the file's last)")
    String exitTo;

    @Option(names = "--by", paramLabel = "GROUPING", description = "outcomes: SECTOR (default), REGION, PARTNERSHIP or SOLUTION_TYPE")
    org.sectorcrm.core.report.OutcomeReport.Grouping by;

    @Option(names = "--days", paramLabel = "N", description = "cadence: days of sectors without their own (default 90)")
    Integer days;

    @Option(names = "--sector-days", paramLabel = "SECTOR:N,...", description = "cadence: sectors' own cadences, like MFG:30,HLT:60")
    String sectorDays;

    @Option(names = "--window-days", paramLabel = "N", description = "duplicated-effort: days up to --on (default 30)")
    Integer windowDays;

    @Option(names = "--status", paramLabel = "STATUS", description = "employers-by-region-sector: count only employers of this status (PROSPECT, ACTIVE, ...)")
    EmployerStatus status;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "overdue-referrals: overdue as of this day (default: today, UTC)")
    LocalDate on;

    @Option(names = "--format", paramLabel = "csv|json", description = "csv or json (default: csv; json only from outcomes on)")
    Format format;

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.parse(value);
        }
    }

    /** The options each of the network reports takes (the older ones check theirs below, with their own messages). */
    private static final java.util.Map<Kind, java.util.Set<String>> NETWORK_OPTIONS = java.util.Map.of(Kind.OUTCOMES, java.util.Set.of("--by"),
            Kind.SATISFACTION, java.util.Set.of(), Kind.REFERRALS, java.util.Set.of("--on"), Kind.NEEDS_FUNNEL, java.util.Set.of(),
            Kind.PARTNERSHIPS, java.util.Set.of(), Kind.CADENCE, java.util.Set.of("--on", "--days", "--sector-days"),
            Kind.DUPLICATED_EFFORT, java.util.Set.of("--on", "--window-days"));

    private java.util.Set<String> given() {
        java.util.Set<String> given = new java.util.TreeSet<>();
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("--period", period);
        values.put("--area", area);
        values.put("--wages", wages);
        values.put("--exit-from", exitFrom);
        values.put("--exit-to", exitTo);
        values.put("--status", status);
        values.put("--on", on);
        values.put("--by", by);
        values.put("--days", days);
        values.put("--sector-days", sectorDays);
        values.put("--window-days", windowDays);
        values.forEach((k, v) -> {
            if (v != null) {
                given.add(k);
            }
        });
        return given;
    }

    @Override
    protected int run(CrmApplication app) throws Exception {
        java.util.Set<String> network = java.util.Set.of("--by", "--days", "--sector-days", "--window-days");
        if (NETWORK_OPTIONS.containsKey(kind)) {
            java.util.Set<String> wrong = new java.util.TreeSet<>(given());
            wrong.removeAll(NETWORK_OPTIONS.get(kind));
            if (!wrong.isEmpty()) {
                throw new UsageException(String.join(", ", wrong) + " do not belong to " + kind + " (it takes " + (NETWORK_OPTIONS.get(kind).isEmpty() ? "none"
                        : String.join(", ", new java.util.TreeSet<>(NETWORK_OPTIONS.get(kind)))) + ")");
            }
            if (format == Format.CSV) {
                throw new UsageException(kind + " prints JSON only (the API's form); leave out --format csv");
            }
        } else if (given().stream().anyMatch(network::contains)) {
            throw new UsageException("--by, --days, --sector-days and --window-days do not belong to " + kind);
        }
        if (kind != Kind.RETENTION && (wages != null || exitFrom != null || exitTo != null)) {
            throw new UsageException("--wages, --exit-from and --exit-to belong to retention, not to " + kind);
        }
        if (kind == Kind.RETENTION && (wages == null || !java.nio.file.Files.isRegularFile(wages))) {
            throw new UsageException(wages == null ? "retention needs --wages FILE.csv" : "no file " + wages);
        }
        if (kind == Kind.RETENTION && (status != null || on != null || period != null || area != null)) {
            throw new UsageException("retention takes --wages, --exit-from and --exit-to only");
        }
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
            case RETENTION -> retention(session);
            case EMPLOYERS_BY_REGION_SECTOR -> session.reports().employersByRegionSector(status);
            case OVERDUE_REFERRALS -> session.reports().overdueReferrals(on != null ? on : LocalDate.now(app.crm().clock()));
            case OUTCOMES -> session.reports().outcomes(by != null ? by : org.sectorcrm.core.report.OutcomeReport.Grouping.SECTOR);
            case SATISFACTION -> session.reports().satisfaction();
            case REFERRALS -> session.reports().referrals(on != null ? on : LocalDate.now(app.crm().clock()));
            case NEEDS_FUNNEL -> session.reports().needsFunnel();
            case PARTNERSHIPS -> session.reports().partnerships();
            case CADENCE -> session.reports().cadence(on != null ? on : LocalDate.now(app.crm().clock()),
                    days != null ? days : org.sectorcrm.examples.reports.ReportOptions.CADENCE_DAYS,
                    org.sectorcrm.examples.reports.ReportOptions.sectorDays(sectorDays, "sectorDays"));
            case DUPLICATED_EFFORT -> session.reports().duplicatedEffort(on != null ? on : LocalDate.now(app.crm().clock()),
                    windowDays != null ? windowDays : org.sectorcrm.examples.reports.ReportOptions.WINDOW_DAYS);
        };
        if (format == Format.JSON || NETWORK_OPTIONS.containsKey(kind)) {
            // the same JSON as GET /api/v1/reports/..., indented for a reader
            ObjectMapper json = ApiJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            out().println(json.writeValueAsString(report));
        } else if (report instanceof org.sectorcrm.core.report.EseReport r) {
            out().write('\uFEFF');
            Reports.csv(r, out());
        } else if (report instanceof org.sectorcrm.core.report.RetentionReport r) {
            out().write('\uFEFF');
            Reports.csv(r, out());
        } else if (report instanceof org.sectorcrm.core.report.EmployersByRegionSector r) {
            out().write('\uFEFF'); // like export: spreadsheets then read the file as UTF-8
            Reports.csv(r, out());
        } else {
            out().write('\uFEFF');
            Reports.csv((org.sectorcrm.core.report.OverdueReferrals) report, out());
        }
        return OK;
    }

    private org.sectorcrm.core.report.RetentionReport retention(CrmSession session) throws java.io.IOException {
        java.util.List<org.sectorcrm.core.FieldViolation> problems = new java.util.ArrayList<>();
        org.sectorcrm.core.report.CalendarQuarter from = quarter(exitFrom, "exitFrom", problems);
        org.sectorcrm.core.report.CalendarQuarter to = quarter(exitTo, "exitTo", problems);
        if (!problems.isEmpty()) {
            throw new org.sectorcrm.core.ValidationException(problems);
        }
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(wages, java.nio.charset.StandardCharsets.UTF_8)) {
            return org.sectorcrm.examples.reports.WageRecordsCsv.retention(session, in, from, to);
        }
    }

    static org.sectorcrm.core.report.CalendarQuarter quarter(String text, String field, java.util.List<org.sectorcrm.core.FieldViolation> problems) {
        if (text == null) {
            return null;
        }
        try {
            return org.sectorcrm.core.report.CalendarQuarter.parse(text, "report", field);
        } catch (org.sectorcrm.core.ValidationException e) {
            problems.addAll(e.violations());
            return null;
        }
    }
}
