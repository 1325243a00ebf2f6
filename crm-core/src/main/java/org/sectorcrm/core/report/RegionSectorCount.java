package org.sectorcrm.core.report;

import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/**
 * One (region, sector) group of {@link EmployersByRegionSector}; a null region or sector is the group of employers
 * without one, and a name is null when the code names no record.
 *
 * @since 2
 */
public record RegionSectorCount(RegionCode region, String regionName, SectorCode sector, String sectorName, long employers) {
}
