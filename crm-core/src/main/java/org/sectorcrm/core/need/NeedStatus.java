package org.sectorcrm.core.need;

import java.util.EnumSet;
import java.util.Set;

/** OPEN → IN_PROGRESS → MET | UNMET | WITHDRAWN; an open need may also be closed directly. Closed states are final. */
public enum NeedStatus {
    OPEN,
    IN_PROGRESS,
    MET,
    UNMET,
    WITHDRAWN;

    public Set<NeedStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, MET, UNMET, WITHDRAWN);
            case IN_PROGRESS -> EnumSet.of(MET, UNMET, WITHDRAWN);
            case MET, UNMET, WITHDRAWN -> EnumSet.noneOf(NeedStatus.class);
        };
    }

    public boolean isClosed() {
        return next().isEmpty();
    }
}
