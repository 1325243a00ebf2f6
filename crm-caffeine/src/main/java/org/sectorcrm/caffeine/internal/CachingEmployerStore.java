package org.sectorcrm.caffeine.internal;

import java.util.List;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EmployerStore;

final class CachingEmployerStore extends CachingStore<EmployerId, Employer, EmployerFilter> implements EmployerStore {
    private final EmployerStore employers;

    CachingEmployerStore(CachingTransaction tx, EmployerStore delegate) {
        super(tx, delegate);
        this.employers = delegate;
    }

    @Override
    public Page<Employer> search(SearchTerms terms, PageRequest page) {
        tx.checkOpen();
        return employers.search(terms, page);
    }

    @Override
    public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
        tx.checkOpen();
        return employers.countByRegionAndSector(filter);
    }
}
