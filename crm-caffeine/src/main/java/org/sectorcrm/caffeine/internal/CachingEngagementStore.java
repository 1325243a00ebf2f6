package org.sectorcrm.caffeine.internal;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EngagementStore;

final class CachingEngagementStore extends CachingStore<EngagementId, Engagement, EngagementFilter> implements EngagementStore {
    private final EngagementStore engagements;

    CachingEngagementStore(CachingTransaction tx, EngagementStore delegate) {
        super(tx, delegate);
        this.engagements = delegate;
    }

    @Override
    public Page<Engagement> search(SearchTerms terms, StaffUserId reader, PartnerId readerPartner, PageRequest page) {
        tx.checkOpen();
        return engagements.search(terms, reader, readerPartner, page);
    }

    @Override
    public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
        tx.checkOpen();
        return engagements.servedEstablishments(from, to);
    }
}
