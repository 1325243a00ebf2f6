package org.sectorcrm.core.appointment;

import java.util.EnumSet;
import java.util.Set;

/** SCHEDULED → HELD | CANCELLED | NO_SHOW; only a scheduled appointment moves or is rescheduled. */
public enum AppointmentStatus {
    SCHEDULED,
    HELD,
    CANCELLED,
    NO_SHOW;

    public Set<AppointmentStatus> next() {
        return this == SCHEDULED ? EnumSet.of(HELD, CANCELLED, NO_SHOW) : EnumSet.noneOf(AppointmentStatus.class);
    }
}
