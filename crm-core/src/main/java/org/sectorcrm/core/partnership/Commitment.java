package org.sectorcrm.core.partnership;

import java.math.BigDecimal;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;

/**
 * What a member employer pledged: hours for TIME, dollars for IN_KIND and FINANCIAL. {@code fulfilled}
 * is how much of {@code value} was delivered so far (never more than pledged).
 */
public record Commitment(EmployerId member, CommitmentKind kind, String description, BigDecimal value, BigDecimal fulfilled) {
    public Commitment {
        Check c = Check.of("commitment").require("member", member).require("kind", kind).text("description", description, Limits.DESCRIPTION)
                .require("value", value).nonNegative("value", value).nonNegative("fulfilled", fulfilled);
        if (value != null && fulfilled != null) {
            c.that(fulfilled.compareTo(value) <= 0, "fulfilled", "(" + fulfilled + ") cannot exceed the pledged value (" + value + ")");
        }
        c.throwIfInvalid();
    }
}
