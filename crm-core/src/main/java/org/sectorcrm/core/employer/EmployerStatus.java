package org.sectorcrm.core.employer;

/** Where the region's relationship with an employer stands. Any status may follow any other: relationships lapse and revive. */
public enum EmployerStatus {
    PROSPECT,
    ACTIVE,
    INACTIVE
}
