package org.sectorcrm.core.employer;

import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/** The partner (and optionally the staff member) who coordinates outreach to an employer, so that partners stop calling independently. */
public record RelationshipLead(PartnerId partner, StaffUserId staff) {
    public RelationshipLead {
        Check.of("relationshipLead").require("partner", partner).throwIfInvalid();
    }
}
