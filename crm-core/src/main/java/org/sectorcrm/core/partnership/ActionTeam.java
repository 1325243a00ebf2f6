package org.sectorcrm.core.partnership;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.internal.Check;

/** A working group on one priority, chaired by an employer contact (industry-led). */
public record ActionTeam(String name, String priority, ContactId chair) {
    public ActionTeam {
        Check.of("actionTeam").text("name", name, Limits.NAME).optionalText("priority", priority, Limits.NAME).throwIfInvalid();
    }
}
