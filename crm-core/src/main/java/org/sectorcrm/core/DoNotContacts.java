package org.sectorcrm.core;

import java.util.Objects;

import org.sectorcrm.core.reference.DoNotContact;

/** Who set a do-not-contact flag is crm-core's record, not the client's claim: the flag as a write leaves it. */
final class DoNotContacts {
    private DoNotContacts() {
    }

    /**
     * The flag to store: none when the write clears it; the stored one, untouched, when the write repeats its date and
     * reason (an edit of another field must not re-attribute it); otherwise the written one, set by {@code actor}.
     */
    static DoNotContact decidedBy(Actor actor, DoNotContact written, DoNotContact stored) {
        if (written == null) {
            return null;
        }
        if (stored != null && Objects.equals(stored.since(), written.since()) && Objects.equals(stored.reason(), written.reason())) {
            return stored;
        }
        return written.setBy(actor.user());
    }
}
