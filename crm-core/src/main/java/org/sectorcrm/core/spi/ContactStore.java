package org.sectorcrm.core.spi;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.search.SearchTerms;

/** @since 1 */
public interface ContactStore extends AggregateStore<ContactId, Contact, ContactFilter> {

    /**
     * Contacts whose {@linkplain org.sectorcrm.core.search.SearchableText#of(Contact) searchable text} contains every
     * word of {@code terms}, paged like {@link #query}. Must include every such contact; may include more.
     */
    Page<Contact> search(SearchTerms terms, PageRequest page);
}
