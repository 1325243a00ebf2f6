package org.sectorcrm.core.referral;

import java.time.LocalDate;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/**
 * A release of information: the individual contact a referral is about agreed, on a form, that their details may be
 * shared with the receiving partner for a scope, until an expiry, and may withdraw that agreement. {@code attachment}
 * names the signed form once attachments exist (an id as text, optional).
 *
 * @since 2
 */
public record Release(String form, LocalDate obtainedOn, String scope, LocalDate expiresOn, String attachment, LocalDate withdrawnOn) {
    public Release {
        Check.of("release").text("form", form, Limits.NAME).require("obtainedOn", obtainedOn).text("scope", scope, Limits.DESCRIPTION)
                .notBefore("expiresOn", expiresOn, "obtainedOn", obtainedOn).optionalText("attachment", attachment, Limits.CODE)
                .notBefore("withdrawnOn", withdrawnOn, "obtainedOn", obtainedOn).throwIfInvalid();
    }

    public static Release obtained(String form, LocalDate on, String scope, LocalDate expiresOn) {
        return new Release(form, on, scope, expiresOn, null, null);
    }

    /** Whether the release lets details be shared on {@code day}: obtained by then, not expired, not withdrawn. */
    public boolean isValidOn(LocalDate day) {
        return !obtainedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day)) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }

    /** The release withdrawn by the contact on {@code on}. */
    public Release withdrawn(LocalDate on) {
        if (withdrawnOn != null) {
            throw org.sectorcrm.core.ValidationException.of("release", "withdrawnOn", "was withdrawn already on " + withdrawnOn);
        }
        return new Release(form, obtainedOn, scope, expiresOn, attachment, on);
    }

    /** The same release with the signed form's attachment id. */
    public Release withAttachment(String attachment) {
        return new Release(form, obtainedOn, scope, expiresOn, attachment, withdrawnOn);
    }
}
