package org.sectorcrm.core;

import org.sectorcrm.core.report.EseOptions;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.report.ReportArea;

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

    /** The establishment counts the penetration rate divides by. */
    public EstablishmentCountOperations establishmentCounts() {
        return new EstablishmentCountOperations(crm, actor);
    }
}
