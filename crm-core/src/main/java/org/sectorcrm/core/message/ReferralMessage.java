package org.sectorcrm.core.message;

import java.time.Instant;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * One message in the thread of a referral, between the staff of its two partners (the referral work group's
 * "internal messages and outcome sharing"). The body is like a note shared by exactly two partners: only staff of
 * {@code authorPartner} and {@code otherPartner} read it, and no role of another partner sees the message at all.
 * The employer and both partners are copied from the referral when the message is posted (a referral's partners
 * never change), so that a store can select a partner's messages without reading referrals.
 *
 * <p>A message is not edited once sent (a correction is a new message, optionally a {@code replyTo}); read state is
 * kept per reader in a {@link ReadMarker}, never in the message, so reading a thread does not change its messages.
 *
 * @since 2
 */
public record ReferralMessage(ReferralMessageId id, Stamp stamp, ReferralId referral, EmployerId employer, PartnerId authorPartner,
        PartnerId otherPartner, StaffUserId author, Instant sentAt, String body, ReferralMessageId replyTo)
        implements Aggregate<ReferralMessageId> {
    public ReferralMessage {
        Check c = Check.of("referralMessage").require("referral", referral).require("employer", employer)
                .require("authorPartner", authorPartner).require("otherPartner", otherPartner).require("author", author)
                .require("sentAt", sentAt).text("body", body, Limits.NOTE);
        c.that(replyTo == null || !replyTo.equals(id), "replyTo", "a message does not reply to itself");
        c.throwIfInvalid();
    }

    /** Whether staff of {@code partner} may read this message: it is one of the referral's two partners. */
    public boolean readableBy(PartnerId partner) {
        return authorPartner.equals(partner) || otherPartner.equals(partner);
    }

    /** The partner on the other side of the thread from {@code partner}. */
    public PartnerId counterpart(PartnerId partner) {
        return authorPartner.equals(partner) ? otherPartner : authorPartner;
    }

    /** Whether this message comes after the position ({@code sentAt}, {@code id}) in the thread's order. */
    public boolean isAfter(Instant at, ReferralMessageId messageId) {
        int byTime = sentAt.compareTo(at);
        return byTime > 0 || byTime == 0 && messageId != null && id != null && id.value().compareTo(messageId.value()) > 0;
    }

    /** The same message as sent by {@code author} of {@code authorPartner} to {@code otherPartner} at {@code sentAt}. */
    public ReferralMessage sent(EmployerId employer, PartnerId authorPartner, PartnerId otherPartner, StaffUserId author, Instant sentAt) {
        return new ReferralMessage(id, stamp, referral, employer, authorPartner, otherPartner, author, sentAt, body, replyTo);
    }

    /** The same message with another body. */
    public ReferralMessage withBody(String body) {
        return new ReferralMessage(id, stamp, referral, employer, authorPartner, otherPartner, author, sentAt, body, replyTo);
    }

    @Override
    public ReferralMessage withId(ReferralMessageId id) {
        return new ReferralMessage(id, stamp, referral, employer, authorPartner, otherPartner, author, sentAt, body, replyTo);
    }

    @Override
    public ReferralMessage withStamp(Stamp stamp) {
        return new ReferralMessage(id, stamp, referral, employer, authorPartner, otherPartner, author, sentAt, body, replyTo);
    }
}
