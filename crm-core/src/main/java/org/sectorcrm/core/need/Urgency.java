package org.sectorcrm.core.need;

public enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
