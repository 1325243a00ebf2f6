package org.sectorcrm.core.partnership;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/** Which partnerships a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record PartnershipFilter(RegionCode region, SectorCode sector, PartnershipStage stage, PartnerId convener, EmployerId member) {
    public static final PartnershipFilter ALL = new PartnershipFilter(null, null, null, null, null);

    public boolean matches(SectorPartnership p) {
        return (region == null || region.equals(p.region()))
                && (sector == null || sector.equals(p.sector()))
                && (stage == null || stage == p.stage())
                && (convener == null || convener.equals(p.convener()))
                && (member == null || p.hasMember(member));
    }
}
