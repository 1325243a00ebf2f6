package org.sectorcrm.core.message;

import java.time.Instant;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * How far one staff user has read the message thread of one referral: every message up to and including
 * ({@code upToSentAt}, {@code upToMessage}) in the thread's order (time sent, then id) is read. One small record per
 * reader and referral, so that reading moves this marker, never the messages: a message keeps its version and
 * history however often it is read, and unread counts are one comparison per message. {@code via} says where it was
 * last read ("web", "api"; free text, optional).
 *
 * @since 2
 */
public record ReadMarker(ReadMarkerId id, Stamp stamp, ReferralId referral, StaffUserId reader, Instant upToSentAt, ReferralMessageId upToMessage,
        String via)
        implements Aggregate<ReadMarkerId> {
    public ReadMarker {
        Check.of("readMarker").require("referral", referral).require("reader", reader).require("upToSentAt", upToSentAt)
                .require("upToMessage", upToMessage).optionalText("via", via, org.sectorcrm.core.Limits.NAME).throwIfInvalid();
    }

    /** A new marker at message {@code m}, with the id the operations give it. */
    public static ReadMarker at(ReferralId referral, StaffUserId reader, ReferralMessage m, String via) {
        return new ReadMarker(ReadMarkerId.of(referral, reader), null, referral, reader, m.sentAt(), m.id(), via);
    }

    /** Whether {@code m} is read by this marker's reader. */
    public boolean covers(ReferralMessage m) {
        return !m.isAfter(upToSentAt, upToMessage);
    }

    /** The marker moved to {@code m} (never backwards: a message already covered leaves it as it is). */
    public ReadMarker movedTo(ReferralMessage m, String via) {
        return covers(m) ? this : new ReadMarker(id, stamp, referral, reader, m.sentAt(), m.id(), via);
    }

    /** The same marker read through {@code via}. */
    public ReadMarker withVia(String via) {
        return new ReadMarker(id, stamp, referral, reader, upToSentAt, upToMessage, via);
    }

    @Override
    public ReadMarker withId(ReadMarkerId id) {
        return new ReadMarker(id, stamp, referral, reader, upToSentAt, upToMessage, via);
    }

    @Override
    public ReadMarker withStamp(Stamp stamp) {
        return new ReadMarker(id, stamp, referral, reader, upToSentAt, upToMessage, via);
    }
}
