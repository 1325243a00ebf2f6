package org.sectorcrm.caffeine.internal;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.ContactStore;

final class CachingContactStore extends CachingStore<ContactId, Contact, ContactFilter> implements ContactStore {
    private final ContactStore contacts;

    CachingContactStore(CachingTransaction tx, ContactStore delegate) {
        super(tx, delegate);
        this.contacts = delegate;
    }

    @Override
    public Page<Contact> search(SearchTerms terms, PageRequest page) {
        tx.checkOpen();
        return contacts.search(terms, page);
    }
}
