package org.sectorcrm.jdbc.internal;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.ContactStore;

final class JdbcContactStore extends JdbcAggregateStore<ContactId, Contact, ContactFilter> implements ContactStore {

    JdbcContactStore(JdbcTransaction tx) {
        super(tx, Tables.CONTACT, Tables::contactFilter);
    }

    @Override
    public Page<Contact> search(SearchTerms terms, PageRequest page) {
        requireArg("terms", terms);
        requireArg("page", page);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        c.and(s.dialect().searchCondition("t", SearchTable.CONTACT, SearchWords.of(terms), s.hasWritten(SearchTable.CONTACT)));
        return page(s, c, page);
    }
}
