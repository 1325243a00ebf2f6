package org.sectorcrm.core.partnership;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.need.NeedCategory;

/** An action area the partnership's employers chose (not only workforce: supply chain, marketing, infrastructure, policy) and how far it got. */
public record Priority(String title, NeedCategory area, PriorityStatus status) {
    public Priority {
        Check.of("priority").text("title", title, Limits.NAME).require("area", area).require("status", status).throwIfInvalid();
    }
}
