package org.sectorcrm.core.reference;

/**
 * The employer-service categories of the ETA-9169 "Effectiveness in Serving Employers" table, in the
 * table's order. An establishment may be counted in several categories but once in the total.
 */
public enum EseCategory {
    EMPLOYER_INFORMATION_AND_SUPPORT(1, "Employer Information and Support Services"),
    WORKFORCE_RECRUITMENT_ASSISTANCE(2, "Workforce Recruitment Assistance"),
    STRATEGIC_PLANNING_ECONOMIC_DEVELOPMENT(3, "Engaged in Strategic Planning/Economic Development"),
    ACCESSING_UNTAPPED_LABOR_POOLS(4, "Accessing Untapped Labor Pools"),
    TRAINING_SERVICES(5, "Training Services"),
    INCUMBENT_WORKER_TRAINING(6, "Incumbent Worker Training Services"),
    RAPID_RESPONSE_DOWNSIZING(7, "Rapid Response/Business Downsizing Assistance"),
    PLANNING_LAYOFF_RESPONSE(8, "Planning Layoff Response");

    private final int line;
    private final String label;

    EseCategory(int line, String label) {
        this.line = line;
        this.label = label;
    }

    /** The row number on ETA-9169. */
    public int line() {
        return line;
    }

    public String label() {
        return label;
    }
}
