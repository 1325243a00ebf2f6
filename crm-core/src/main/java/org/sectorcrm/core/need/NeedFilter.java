package org.sectorcrm.core.need;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.partnership.PartnershipId;

/** Which needs a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record NeedFilter(EmployerId employer, PartnershipId partnership, NeedStatus status, NeedCategory category) {
    public static final NeedFilter ALL = new NeedFilter(null, null, null, null);

    public boolean matches(BusinessNeed n) {
        return (employer == null || employer.equals(n.employer()))
                && (partnership == null || partnership.equals(n.partnership()))
                && (status == null || status == n.status())
                && (category == null || category == n.category());
    }
}
