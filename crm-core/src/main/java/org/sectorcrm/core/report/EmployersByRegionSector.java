package org.sectorcrm.core.report;

import java.util.List;

import org.sectorcrm.core.employer.EmployerStatus;

/**
 * Employers per region and sector, counted by the storage ({@code countByRegionAndSector}: in SQL on a database), with
 * the names a reader needs. Moved here from crm-examples so that every caller gets one definition.
 *
 * @param status only employers of this status, null: every employer
 * @param groups one per (region, sector), nulls (no region, no sector) as their own groups, ordered as the storage orders them
 * @param total  the sum of the groups
 * @since 2
 */
public record EmployersByRegionSector(EmployerStatus status, List<RegionSectorCount> groups, long total) {
    public EmployersByRegionSector {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
