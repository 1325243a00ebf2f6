package org.sectorcrm.core.partnership;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;

public record Member(EmployerId employer, MemberRole role) {
    public Member {
        Check.of("member").require("employer", employer).require("role", role).throwIfInvalid();
    }
}
