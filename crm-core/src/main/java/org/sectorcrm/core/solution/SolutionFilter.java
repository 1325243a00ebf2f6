package org.sectorcrm.core.solution;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.PartnerId;

/** Which solutions a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record SolutionFilter(EmployerId employer, PartnershipId partnership, SolutionStatus status, SolutionType type, PartnerId leadPartner) {
    public static final SolutionFilter ALL = new SolutionFilter(null, null, null, null, null);

    public boolean matches(Solution s) {
        return (employer == null || employer.equals(s.employer()))
                && (partnership == null || partnership.equals(s.partnership()))
                && (status == null || status == s.status())
                && (type == null || type == s.type())
                && (leadPartner == null || leadPartner.equals(s.leadPartner()));
    }
}
