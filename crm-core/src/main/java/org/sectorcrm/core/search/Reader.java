package org.sectorcrm.core.search;

import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Who a search runs for: the text a record offers to search depends on what this staff user of this partner may
 * read (an engagement's PRIVATE and PARTNER notes). {@link #EVERYONE} reads only what every staff user may read.
 *
 * @param user the reading staff user, or null for {@link #EVERYONE}
 * @param partner the reader's partner, or null for {@link #EVERYONE}
 * @since 2
 */
public record Reader(StaffUserId user, PartnerId partner) {
    /** No particular reader: only text shared with every partner is searched. */
    public static final Reader EVERYONE = new Reader(null, null);

    public Reader {
        if ((user == null) != (partner == null)) {
            throw org.sectorcrm.core.ValidationException.of("reader", user == null ? "user" : "partner",
                    "is required: a reader names both a staff user and their partner, or neither (EVERYONE)");
        }
    }

    public static Reader of(StaffUserId user, PartnerId partner) {
        if (user == null || partner == null) {
            throw org.sectorcrm.core.ValidationException.of("reader", user == null ? "user" : "partner", "is required");
        }
        return new Reader(user, partner);
    }
}
