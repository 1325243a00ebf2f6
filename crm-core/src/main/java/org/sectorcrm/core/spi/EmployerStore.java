package org.sectorcrm.core.spi;

import java.util.List;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.search.SearchTerms;

/** @since 1 */
public interface EmployerStore extends AggregateStore<EmployerId, Employer, EmployerFilter> {

    /**
     * Employers whose {@linkplain org.sectorcrm.core.search.SearchableText#of(Employer) searchable text} contains every
     * word of {@code terms}, paged like {@link #query}. Must include every such employer; may include more.
     */
    Page<Employer> search(SearchTerms terms, PageRequest page);

    /**
     * Number of employers matching {@code filter} per (region, sector) pair, null region or sector included as its own
     * group, ordered by region then sector with nulls first. Computed by the storage, not by loading employers.
     */
    List<GroupCount> countByRegionAndSector(EmployerFilter filter);

    /** One group of {@link #countByRegionAndSector}. */
    record GroupCount(RegionCode region, SectorCode sector, long count) {
    }
}
