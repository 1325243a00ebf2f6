package org.sectorcrm.core.contact;

import java.time.Instant;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/** A contact's agreement to be reached on a channel: when it was given and where it was recorded (a form, an event sign-in, a call). */
public record Consent(ConsentChannel channel, Instant givenAt, String source) {
    public Consent {
        Check.of("consent").require("channel", channel).require("givenAt", givenAt).text("source", source, Limits.NAME).throwIfInvalid();
    }
}
