package org.sectorcrm.core.spi;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.SearchTerms;

/** @since 1 */
public interface EngagementStore extends AggregateStore<EngagementId, Engagement, EngagementFilter> {

    /**
     * Engagements whose summary plus the notes {@code reader} (a staff user of {@code readerPartner}) may read
     * ({@link org.sectorcrm.core.search.SearchableText#readableBy}) contain every word of {@code terms}, paged like
     * {@link #query}. Must include every such engagement; must never match on the text of a note the reader may not
     * read (a PRIVATE note of another author, a PARTNER note of another partner).
     */
    Page<Engagement> search(SearchTerms terms, StaffUserId reader, PartnerId readerPartner, PageRequest page);

    /**
     * For ESE reports: the distinct (employer, establishment, category) triples of staff-assisted engagements dated
     * {@code from}..{@code to} inclusive, one per ESE category delivered; establishment is null for engagements that
     * name none. In no particular order. Computed by the storage, not by loading engagements.
     */
    List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to);

    record ServedEstablishment(EmployerId employer, EstablishmentId establishment, EseCategory category) {
    }
}
