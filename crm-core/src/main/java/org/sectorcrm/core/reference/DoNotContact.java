package org.sectorcrm.core.reference;

import java.time.LocalDate;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/**
 * A do-not-contact flag on a contact or an employer: since when, why (a request, a complaint, legal advice), and which
 * staff user set it. crm-core fills in {@code setBy} with the user who sets or changes the flag, whatever a client
 * sent, so the record always names who decided. Exports mark flagged records and notifications about them say so
 * (docs/integrations.md); nothing in SectorCRM e-mails a flagged contact.
 *
 * @since 2
 */
public record DoNotContact(LocalDate since, String reason, StaffUserId setBy) {
    public DoNotContact {
        Check.of("doNotContact").require("since", since).date("since", since).text("reason", reason, Limits.DESCRIPTION).throwIfInvalid();
    }

    public static DoNotContact since(LocalDate since, String reason) {
        return new DoNotContact(since, reason, null);
    }

    /** The same flag as set by {@code user}. */
    public DoNotContact setBy(StaffUserId user) {
        return new DoNotContact(since, reason, user);
    }

    /** The flag as one line of text: {@code since 2026-12-01: asked not to be called}. */
    public String describe() {
        return "since " + since + ": " + reason;
    }
}
