package org.sectorcrm.core.partnership;

public enum PriorityStatus {
    PLANNED,
    ACTIVE,
    ACHIEVED,
    DROPPED
}
