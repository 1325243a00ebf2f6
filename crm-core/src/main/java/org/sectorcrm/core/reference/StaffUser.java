package org.sectorcrm.core.reference;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;

/**
 * A person working for one partner, with a role. Every operation runs as a staff user. Credentials
 * are not part of the domain: the standalone server keeps them in its own tables.
 */
public record StaffUser(StaffUserId id, Stamp stamp, PartnerId partner, String name, EmailAddress email, Role role, boolean active)
        implements Aggregate<StaffUserId> {
    public StaffUser {
        Check.of("staffUser").require("partner", partner).text("name", name, Limits.NAME).require("email", email)
                .require("role", role).throwIfInvalid();
    }

    public static StaffUser of(PartnerId partner, String name, String email, Role role) {
        return new StaffUser(null, null, partner, name, EmailAddress.parse(email), role, true);
    }

    public StaffUser withId(StaffUserId id) {
        return new StaffUser(id, stamp, partner, name, email, role, active);
    }

    public StaffUser withStamp(Stamp stamp) {
        return new StaffUser(id, stamp, partner, name, email, role, active);
    }

    public StaffUser withRole(Role role) {
        return new StaffUser(id, stamp, partner, name, email, role, active);
    }

    public StaffUser withActive(boolean active) {
        return new StaffUser(id, stamp, partner, name, email, role, active);
    }
}
