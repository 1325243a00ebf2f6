package org.sectorcrm.core.outcome;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/**
 * What is measured, and which way is better. The framework's employer value measures are constants;
 * a region may define custom ones.
 */
public record Metric(String code, String name, String unit, Direction direction) {
    public static final Metric TURNOVER_RATE = new Metric("TURNOVER_RATE", "Turnover rate", "percent", Direction.LOWER_IS_BETTER);
    public static final Metric TIME_TO_FILL_DAYS = new Metric("TIME_TO_FILL_DAYS", "Time to fill vacancies", "days", Direction.LOWER_IS_BETTER);
    public static final Metric RETENTION_RATE = new Metric("RETENTION_RATE", "Retention rate", "percent", Direction.HIGHER_IS_BETTER);
    public static final Metric QUALIFIED_APPLICANTS = new Metric("QUALIFIED_APPLICANTS", "Qualified applicants per opening", "applicants", Direction.HIGHER_IS_BETTER);
    public static final Metric PRODUCTIVITY = new Metric("PRODUCTIVITY", "Productivity", "index", Direction.HIGHER_IS_BETTER);

    public Metric {
        Check.of("metric").that(code != null && code.matches("[A-Z][A-Z0-9_]{0,99}"), "code", "must be 1-100 upper-case letters, digits or '_' but was '" + code + "'")
                .text("name", name, Limits.NAME).text("unit", unit, Limits.CODE).require("direction", direction).throwIfInvalid();
    }
}
