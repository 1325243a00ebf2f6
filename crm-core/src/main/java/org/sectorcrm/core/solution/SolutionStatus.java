package org.sectorcrm.core.solution;

import java.util.EnumSet;
import java.util.Set;

/** PROPOSED → AGREED → IN_DELIVERY → COMPLETED, or DECLINED (by the employer, before delivery) or CANCELLED. A proposal cannot jump to COMPLETED. */
public enum SolutionStatus {
    PROPOSED,
    AGREED,
    IN_DELIVERY,
    COMPLETED,
    DECLINED,
    CANCELLED;

    public Set<SolutionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(AGREED, DECLINED, CANCELLED);
            case AGREED -> EnumSet.of(IN_DELIVERY, DECLINED, CANCELLED);
            case IN_DELIVERY -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, DECLINED, CANCELLED -> EnumSet.noneOf(SolutionStatus.class);
        };
    }
}
