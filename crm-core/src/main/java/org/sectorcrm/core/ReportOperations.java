package org.sectorcrm.core;

import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EseOptions;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.report.ReportArea;
import org.sectorcrm.core.report.RetentionReport;
import org.sectorcrm.core.report.RetentionWithSameEmployer;
import org.sectorcrm.core.report.WageRecord;

/**
 * The accountability reports, computed over the storage's aggregate queries ({@link org.sectorcrm.core.spi.ReportQueries}),
 * so that every store gets them and a SQL store does the counting in the database. Any role may run them: they show
 * counts and record ids, never note text or contact details. Definitions, sources and choices: docs/reports.md.
 *
 * @since 2
 */
public final class ReportOperations {
    private final Crm crm;
    private final Actor actor;

    ReportOperations(Crm crm, Actor actor) {
        this.crm = crm;
        this.actor = actor;
    }

    /** The ETA-9169 Effectiveness in Serving Employers figures with the default choices ({@link EseOptions#DEFAULTS}). */
    public EseReport ese(ProgramPeriod period, ReportArea area) {
        return ese(period, area, EseOptions.DEFAULTS);
    }

    /** {@link #ese(ProgramPeriod, ReportArea)} from the texts a user types: {@code PY2025Q1}, {@code region:IL-EDR-4}; both checked at once. */
    public EseReport ese(String period, String area) {
        java.util.List<FieldViolation> problems = new java.util.ArrayList<>();
        ProgramPeriod p = null;
        ReportArea a = null;
        try {
            p = ProgramPeriod.parse(period);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        try {
            a = ReportArea.parse(area);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return ese(p, a);
    }

    public EseReport ese(ProgramPeriod period, ReportArea area, EseOptions options) {
        java.util.List<FieldViolation> problems = new java.util.ArrayList<>();
        if (period == null) {
            problems.add(new FieldViolation("report", "period", "is required"));
        }
        if (area == null) {
            problems.add(new FieldViolation("report", "area", "is required"));
        }
        if (options == null) {
            problems.add(new FieldViolation("report", "options", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return crm.storage().read(tx -> EseCalculation.compute(tx, period, area, options));
    }

    /** Employers per region and sector (only of {@code status}; null: all), counted by the storage, names added. */
    public org.sectorcrm.core.report.EmployersByRegionSector employersByRegionSector(org.sectorcrm.core.employer.EmployerStatus status) {
        return OperationalReports.employersByRegionSector(new CrmSession(crm, actor), status);
    }

    /** Referrals sent and not answered after their response due date, as of {@code on}, as the actor may read them. */
    public org.sectorcrm.core.report.OverdueReferrals overdueReferrals(java.time.LocalDate on) {
        if (on == null) {
            throw ValidationException.of("report", "on", "is required");
        }
        return OperationalReports.overdueReferrals(new CrmSession(crm, actor), on);
    }

    /**
     * Employer outcome measures: improvement from baseline to the latest observation in each metric's direction,
     * per metric and group ({@code by}), with employers and measures behind each figure, mean and median.
     */
    public org.sectorcrm.core.report.OutcomeReport outcomes(org.sectorcrm.core.report.OutcomeReport.Grouping by) {
        if (by == null) {
            throw ValidationException.of("report", "by", "is required: SECTOR, REGION, PARTNERSHIP or SOLUTION_TYPE");
        }
        return crm.storage().read(tx -> new NetworkHealth(tx).outcomes(by));
    }

    /** Employer satisfaction from feedback: mean, median and distribution overall, per partner and per solution type. */
    public org.sectorcrm.core.report.SatisfactionReport satisfaction() {
        return crm.storage().read(tx -> new NetworkHealth(tx).satisfaction());
    }

    /** Referrals per partner pair: acceptance, completion and decline reasons, and how many are overdue on {@code on}. */
    public org.sectorcrm.core.report.ReferralReport referrals(java.time.LocalDate on) {
        if (on == null) {
            throw ValidationException.of("report", "on", "is required");
        }
        return crm.storage().read(tx -> new NetworkHealth(tx).referrals(on));
    }

    /** Needs → solutions: needs by status per category and sector, and the days from a need to an agreed solution. */
    public org.sectorcrm.core.report.NeedsFunnel needsFunnel() {
        return crm.storage().read(tx -> new NetworkHealth(tx).needs());
    }

    /** Sector partnerships by stage, with champions, commitments pledged vs fulfilled by kind, and priorities by status. */
    public org.sectorcrm.core.report.PartnershipReport partnerships() {
        return crm.storage().read(tx -> new NetworkHealth(tx).partnerships());
    }

    /**
     * Employers (per partner) and champions past the contact cadence on {@code on}: {@code defaultDays} (90 unless
     * said) or the sector's own in {@code sectorDays} (sector code → days).
     */
    public org.sectorcrm.core.report.CadenceReport cadence(java.time.LocalDate on, int defaultDays, java.util.Map<String, Integer> sectorDays) {
        java.util.List<FieldViolation> problems = new java.util.ArrayList<>();
        if (on == null) {
            problems.add(new FieldViolation("report", "on", "is required"));
        }
        if (defaultDays < 1 || defaultDays > 3650) {
            problems.add(new FieldViolation("report", "cadenceDays", "must be 1..3650 but was " + defaultDays));
        }
        java.util.Map<String, Integer> sectors = sectorDays == null ? java.util.Map.of() : sectorDays;
        sectors.forEach((k, v) -> {
            if (k == null || v == null || v < 1 || v > 3650) {
                problems.add(new FieldViolation("report", "sectorCadence", "sector " + k + " must have 1..3650 days but has " + v));
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return crm.storage().read(tx -> new ContactHealth(tx).cadence(on, defaultDays, sectors));
    }

    /** Employers engaged by two or more uncoordinated partners in the {@code windowDays} (default 30) up to {@code on}. */
    public org.sectorcrm.core.report.DuplicatedEffortReport duplicatedEffort(java.time.LocalDate on, int windowDays) {
        if (on == null || windowDays < 1 || windowDays > 366) {
            throw ValidationException.of("report", on == null ? "on" : "windowDays", on == null ? "is required" : "must be 1..366 but was " + windowDays);
        }
        return crm.storage().read(tx -> new ContactHealth(tx).duplicatedEffort(on, windowDays));
    }

    /** Audit action of {@link #retention}: who computed it from how many wage records (nothing of them is stored). */
    public static final String WAGE_RECORDS_READ = "WAGE_RECORDS_READ";

    /**
     * Retention with the Same Employer over wage records the caller supplies, streamed through
     * {@link RetentionWithSameEmployer} and then discarded: nothing of them is stored, only an audit entry saying that
     * the actor computed the rate from so many records (participant wage data is PII). {@code records} is consumed
     * once; a record that fails (a participant given twice) fails the whole report.
     *
     * @param exitFrom first exit quarter of the cohort, null: every one before {@code exitTo}
     * @param exitTo   last exit quarter of the cohort, null: every one after {@code exitFrom}
     */
    public RetentionReport retention(java.util.stream.Stream<WageRecord> records, CalendarQuarter exitFrom, CalendarQuarter exitTo) {
        if (records == null) {
            throw ValidationException.of("report", "wageRecords", "is required");
        }
        RetentionWithSameEmployer calculation = new RetentionWithSameEmployer(exitFrom, exitTo);
        records.forEachOrdered(calculation::add);
        RetentionReport report = calculation.result();
        crm.write(actor, changes -> {
            changes.audit(WAGE_RECORDS_READ, "wageRecord", null, report.lines() + " wage records read for Retention with the Same Employer, none stored");
            return null;
        });
        return report;
    }

    /**
     * The establishments and engagements behind one figure of {@link #ese(String, String)}: {@code figure} is
     * {@code row1}..{@code row8}, {@code total}, {@code repeat} or {@code lookBack}; a page of {@code limit} (1..1000)
     * establishments after the id {@code after} (null: from the first).
     */
    public org.sectorcrm.core.report.EseDrillDown eseDrillDown(String period, String area, String figure, String after, int limit) {
        java.util.List<FieldViolation> problems = new java.util.ArrayList<>();
        if (figure == null || !figure.matches("row[1-8]|total|repeat|lookBack")) {
            problems.add(new FieldViolation("report", "figure", "must be row1..row8, total, repeat or lookBack but was '" + figure + "'"));
        }
        if (limit < 1 || limit > 1000) {
            problems.add(new FieldViolation("page", "limit", "must be 1..1000 but was " + limit));
        }
        ProgramPeriod p = null;
        ReportArea a = null;
        try {
            p = ProgramPeriod.parse(period);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        try {
            a = ReportArea.parse(area);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ProgramPeriod fp = p;
        ReportArea fa = a;
        return crm.storage().read(tx -> EseDrill.drill(tx, fp, fa, figure, after, limit));
    }

    /** The establishment counts the penetration rate divides by. */
    public EstablishmentCountOperations establishmentCounts() {
        return new EstablishmentCountOperations(crm, actor);
    }
}
