package org.sectorcrm.tck.internal;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;

/**
 * The stored records a new aggregate may point at: an employer (for contacts, engagements, needs,
 * solutions, referrals, outcomes and feedback) and a partner (for staff users). The kit saves them first,
 * so the same tests pass with and without {@link org.sectorcrm.core.spi.Capability#REFERENTIAL_INTEGRITY}.
 */
public record Parents(EmployerId employer, PartnerId partner) {
}
