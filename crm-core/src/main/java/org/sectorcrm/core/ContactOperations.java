package org.sectorcrm.core;

import java.util.List;
import java.util.UUID;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.search.SearchableText;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Contacts, returned as {@link ContactView}s: e-mail and phone are masked for VIEWERs. */
public final class ContactOperations extends RecordOperations<ContactId, Contact, ContactFilter, ContactView> {
    ContactOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.CONTACT);
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
        return c.withDoNotContact(DoNotContacts.decidedBy(actor, c.doNotContact(), stored == null ? null : stored.doNotContact()));
    }

    /** As for every record; a VIEWER, who sees e-mail addresses masked, cannot use an e-mail to confirm a guessed address. */
    @Override
    public Page<ContactView> list(ContactFilter filter, PageRequest page) {
        refuseEmailLookupForViewers(filter);
        return super.list(filter, page);
    }

    @Override
    public long count(ContactFilter filter) {
        refuseEmailLookupForViewers(filter);
        return super.count(filter);
    }

    /**
     * Contacts whose name, title or e-mail contain every word of the query. For a VIEWER the e-mail does not count:
     * a hit only through the address would confirm an address they are shown masked.
     */
    public Page<ContactView> search(String query, PageRequest page) {
        SearchTerms terms = SearchTerms.parse(query);
        require(key(), "page", page);
        Page<Contact> hits = crm.storage().read(tx -> tx.contacts().search(terms, org.sectorcrm.core.search.Reader.EVERYONE, page));
        if (actor.isAtLeast(Role.STAFF)) {
            return hits.map(this::view);
        }
        // Filtering a page keeps its cursor valid: the next page still starts after the last row the store looked at.
        List<ContactView> visible = hits.items().stream().filter(c -> terms.matches(SearchableText.of(c.withEmail(null)))).map(this::view).toList();
        return new Page<>(visible, hits.nextCursor());
    }

    private void refuseEmailLookupForViewers(ContactFilter filter) {
        if (filter != null && filter.email() != null && !actor.isAtLeast(Role.STAFF)) {
            throw new AccessDeniedException(actor.name() + " (VIEWER) sees e-mail addresses masked and cannot look contacts up by e-mail");
        }
    }
}
