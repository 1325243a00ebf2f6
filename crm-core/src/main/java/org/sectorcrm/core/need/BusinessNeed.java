package org.sectorcrm.core.need;

import java.time.LocalDate;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.internal.Transitions;
import org.sectorcrm.core.partnership.PartnershipId;

/**
 * What an employer said it needs, in its own words. A closed need (MET, UNMET, WITHDRAWN) has the date
 * it was closed; an open one has none.
 */
public record BusinessNeed(NeedId id, Stamp stamp, EmployerId employer, PartnershipId partnership, NeedCategory category,
        String description, Urgency urgency, NeedStatus status, LocalDate raisedOn, LocalDate closedOn) implements Aggregate<NeedId> {
    public BusinessNeed {
        Check c = Check.of("need").require("employer", employer).require("category", category)
                .text("description", description, Limits.DESCRIPTION).require("urgency", urgency).require("status", status)
                .require("raisedOn", raisedOn).date("raisedOn", raisedOn).notBefore("closedOn", closedOn, "raisedOn", raisedOn);
        if (status != null) {
            c.that(status.isClosed() == (closedOn != null), "closedOn",
                    status.isClosed() ? "is required when the need is " + status : "must be empty while the need is " + status);
        }
        c.throwIfInvalid();
    }

    public static BusinessNeed raised(EmployerId employer, NeedCategory category, String description, Urgency urgency, LocalDate raisedOn) {
        return new BusinessNeed(null, null, employer, null, category, description, urgency, NeedStatus.OPEN, raisedOn, null);
    }

    /** Moves along the lifecycle; {@code on} is the closing date when {@code to} closes the need. */
    public BusinessNeed moveTo(NeedStatus to, LocalDate on) {
        Transitions.require("need", "status", status, to, status.next());
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, to, raisedOn, to.isClosed() ? on : null);
    }

    public BusinessNeed withId(NeedId id) {
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, status, raisedOn, closedOn);
    }

    public BusinessNeed withStamp(Stamp stamp) {
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, status, raisedOn, closedOn);
    }

    public BusinessNeed withPartnership(PartnershipId partnership) {
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, status, raisedOn, closedOn);
    }

    public BusinessNeed withDescription(String description) {
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, status, raisedOn, closedOn);
    }

    public BusinessNeed withUrgency(Urgency urgency) {
        return new BusinessNeed(id, stamp, employer, partnership, category, description, urgency, status, raisedOn, closedOn);
    }
}
