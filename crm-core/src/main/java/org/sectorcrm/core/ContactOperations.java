package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.event.RecordType;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Contacts, returned as {@link ContactView}s: e-mail and phone are masked for VIEWERs. */
public final class ContactOperations extends RecordOperations<ContactId, Contact, ContactFilter, ContactView> {
    ContactOperations(Crm crm, Actor actor) {
        super(crm, actor, RecordType.CONTACT);
    }

    @Override
    AggregateStore<ContactId, Contact, ContactFilter> store(StorageTransaction tx) {
        return tx.contacts();
    }

    @Override
    Contact assign(Contact c, ContactId id, Stamp stamp) {
        return c.withId(id).withStamp(stamp);
    }

    @Override
    ContactId newId(UUID value) {
        return new ContactId(value);
    }

    @Override
    ContactView view(Contact c) {
        return actor.isAtLeast(Role.STAFF) ? ContactView.clear(c) : ContactView.masked(c);
    }

    @Override
    Contact prepare(Changes changes, Contact c, Contact stored) {
        if (changes.tx.employers().find(c.employer()).isEmpty()) {
            throw ValidationException.of(key(), "employer", "employer " + c.employer() + " does not exist");
        }
        if (stored != null && !stored.employer().equals(c.employer())) {
            throw ValidationException.of(key(), "employer", "a contact cannot move to another employer; create a new contact");
        }
        return c;
    }

    public Page<ContactView> search(String query, PageRequest page) {
        SearchTerms terms = SearchTerms.parse(query);
        require(key(), "page", page);
        return crm.storage().read(tx -> tx.contacts().search(terms, page)).map(this::view);
    }
}
