package org.sectorcrm.core.engagement;

import java.time.Instant;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/** Free text about an engagement, written by one staff user of one partner, readable as its {@link Visibility} says. */
public record Note(NoteId id, StaffUserId author, PartnerId partner, Visibility visibility, String text, Instant writtenAt) {
    public Note {
        Check.of("note").require("author", author).require("partner", partner).require("visibility", visibility)
                .text("text", text, Limits.NOTE).require("writtenAt", writtenAt).throwIfInvalid();
    }

    /** Whether a staff user of {@code readerPartner} may read this note's text. */
    public boolean readableBy(StaffUserId reader, PartnerId readerPartner) {
        return switch (visibility) {
            case SHARED -> true;
            case PARTNER -> partner.equals(readerPartner);
            case PRIVATE -> author.equals(reader);
        };
    }

    public Note withId(NoteId id) {
        return new Note(id, author, partner, visibility, text, writtenAt);
    }
}
