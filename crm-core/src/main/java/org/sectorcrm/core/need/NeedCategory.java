package org.sectorcrm.core.need;

/** What kind of need an employer raised. Sector partnerships address areas beyond workforce too. */
public enum NeedCategory {
    HIRING,
    SKILLS_TRAINING,
    RETENTION,
    WORK_BASED_LEARNING,
    SUPPLY_CHAIN,
    MARKETING,
    INFRASTRUCTURE,
    POLICY,
    OTHER
}
