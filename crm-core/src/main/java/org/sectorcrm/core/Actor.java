package org.sectorcrm.core;

import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/** The staff user an operation runs as: who, of which partner, with which role. */
public record Actor(StaffUserId user, PartnerId partner, Role role, String name) {
    public Actor {
        org.sectorcrm.core.internal.Check.of("actor").require("user", user).require("partner", partner).require("role", role)
                .throwIfInvalid();
    }

    public static Actor of(StaffUser user) {
        if (user.id() == null) {
            throw ValidationException.of("actor", "user", "must be a stored staff user, not a draft");
        }
        return new Actor(user.id(), user.partner(), user.role(), user.name());
    }

    public boolean isAtLeast(Role needed) {
        return role.atLeast(needed);
    }

    public void require(Role needed, String operation) {
        if (!role.atLeast(needed)) {
            throw new AccessDeniedException(name + " (" + role + ") may not " + operation + ": it needs " + needed);
        }
    }
}
