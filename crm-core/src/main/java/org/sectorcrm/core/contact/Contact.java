package org.sectorcrm.core.contact;

import java.util.List;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.DoNotContact;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.PhoneNumber;

/** A person at an employer. E-mail and phone are PII: VIEWERs see them masked, and exports of them are audited. */
public record Contact(ContactId id, Stamp stamp, EmployerId employer, String firstName, String lastName, String title,
        EmailAddress email, PhoneNumber phone, Set<ContactRole> roles, List<Consent> consents, boolean active,
        DoNotContact doNotContact) implements Aggregate<ContactId> {
    /** A contact without a do-not-contact flag (the fields before it existed). */
    public Contact(ContactId id, Stamp stamp, EmployerId employer, String firstName, String lastName, String title,
            EmailAddress email, PhoneNumber phone, Set<ContactRole> roles, List<Consent> consents, boolean active) {
        this(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, null);
    }

    public Contact {
        Check c = Check.of("contact").require("employer", employer).optionalText("firstName", firstName, Limits.NAME)
                .text("lastName", lastName, Limits.NAME).optionalText("title", title, Limits.NAME);
        roles = c.sortedSet("roles", roles);
        consents = c.list("consents", consents);
        c.throwIfInvalid();
    }

    public static Contact of(EmployerId employer, String firstName, String lastName) {
        return new Contact(null, null, employer, firstName, lastName, null, null, null, Set.of(), List.of(), true);
    }

    public String displayName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    public Contact withId(ContactId id) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withStamp(Stamp stamp) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withTitle(String title) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withEmail(EmailAddress email) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withPhone(PhoneNumber phone) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withRoles(Set<ContactRole> roles) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withConsents(List<Consent> consents) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    public Contact withActive(boolean active) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }

    /** The contact flagged do-not-contact, or cleared with null. */
    public Contact withDoNotContact(DoNotContact doNotContact) {
        return new Contact(id, stamp, employer, firstName, lastName, title, email, phone, roles, consents, active, doNotContact);
    }
}
