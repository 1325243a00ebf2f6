package org.sectorcrm.core.outcome;

/** Whether a metric improves when it goes down (turnover, time to fill) or up (retention, applicants, productivity). */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER
}
