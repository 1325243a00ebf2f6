package org.sectorcrm.core.engagement;

/** How a touchpoint happened. Mass mailings and cold calls are never staff-assisted, so they never count for ESE. */
public enum Channel {
    MEETING,
    CALL,
    EMAIL,
    EVENT,
    SITE_VISIT,
    VIRTUAL,
    MASS_MAILING,
    COLD_CALL;

    public boolean canBeStaffAssisted() {
        return this != MASS_MAILING && this != COLD_CALL;
    }
}
