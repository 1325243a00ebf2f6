package org.sectorcrm.core.solution;

/** The kinds of solutions the framework names (work-based learning first). */
public enum SolutionType {
    REGISTERED_APPRENTICESHIP,
    YOUTH_APPRENTICESHIP,
    PRE_APPRENTICESHIP,
    CUSTOMIZED_TRAINING,
    ON_THE_JOB_TRAINING,
    INCUMBENT_WORKER_TRAINING,
    RECRUITMENT,
    LABOR_MARKET_INFO,
    RAPID_RESPONSE,
    CUSTOM
}
