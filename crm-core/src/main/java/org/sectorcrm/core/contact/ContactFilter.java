package org.sectorcrm.core.contact;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.EmailAddress;

/** Which contacts a query returns; null fields do not filter. {@link #matches} is the definition every store implements. */
public record ContactFilter(EmployerId employer, EmailAddress email, ContactRole role, Boolean active) {
    public static final ContactFilter ALL = new ContactFilter(null, null, null, null);

    public static ContactFilter atEmployer(EmployerId employer) {
        return new ContactFilter(employer, null, null, null);
    }

    public boolean matches(Contact c) {
        return (employer == null || employer.equals(c.employer()))
                && (email == null || email.equals(c.email()))
                && (role == null || c.roles().contains(role))
                && (active == null || active == c.active());
    }
}
