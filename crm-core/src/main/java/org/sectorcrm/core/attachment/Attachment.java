package org.sectorcrm.core.attachment;

import java.util.Set;
import java.util.regex.Pattern;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * What is known of a file attached to a record (an intake form on a referral, a job description on an employer, a
 * signed release): the owning record, named generically by its aggregate key and id so that any aggregate can own
 * attachments (a message thread too) without a column per owner type; the file name the uploader gave; the content
 * type detected from the content; its size and SHA-256. The content itself is not part of the aggregate: a content
 * store keeps it under the attachment's id.
 *
 * <p>Who may read it follows {@link Visibility} as a note does: SHARED every partner's staff, PARTNER the staff of the
 * uploader's partner (on a referral: of both partners of the referral), PRIVATE the uploader. The metadata is
 * immutable once stored except the description and the visibility.
 *
 * @since 2
 */
public record Attachment(AttachmentId id, Stamp stamp, String ownerType, String ownerId, String filename, String contentType, long size,
        String sha256, Visibility visibility, PartnerId partner, StaffUserId uploadedBy, String description) implements Aggregate<AttachmentId> {
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    /** Characters a file name never holds: path separators and controls (a name is a name, never a path). */
    private static final Pattern UNSAFE_NAME = Pattern.compile("[/\\\\\\p{Cntrl}]");

    public Attachment {
        Check c = Check.of("attachment").require("ownerType", ownerType).text("ownerId", ownerId, Limits.CODE)
                .text("filename", filename, Limits.NAME).require("contentType", contentType).nonNegative("size", size)
                .require("sha256", sha256).require("visibility", visibility).require("partner", partner).require("uploadedBy", uploadedBy)
                .optionalText("description", description, Limits.DESCRIPTION);
        if (ownerType != null) {
            // Which keys exist is the operations' check: the model does not know the descriptors.
            c.that(KEY.matcher(ownerType).matches() && ownerType.length() <= Limits.CODE, "ownerType",
                    "must be an aggregate type key (employer, engagement, referral, ...) but was '" + ownerType + "'");
        }
        if (filename != null) {
            c.that(!UNSAFE_NAME.matcher(filename).find() && !filename.isBlank() && !filename.equals(".") && !filename.equals(".."), "filename",
                    "must be a file name without path separators or control characters but was '" + filename + "'");
        }
        if (contentType != null) {
            c.that(MEDIA_TYPE.matcher(contentType).matches() && contentType.length() <= Limits.CODE, "contentType",
                    "must be a lower-case media type (type/subtype) but was '" + contentType + "'");
        }
        if (sha256 != null) {
            c.that(SHA256.matcher(sha256).matches(), "sha256", "must be 64 lower-case hex digits but was '" + sha256 + "'");
        }
        c.throwIfInvalid();
    }

    /** A new attachment's metadata; id and stamp are assigned when it is stored, uploader and partner by the operations. */
    public static Attachment of(String ownerType, String ownerId, String filename, String contentType, long size, String sha256,
            Visibility visibility, PartnerId partner, StaffUserId uploadedBy) {
        return new Attachment(null, null, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, null);
    }

    /** Whether a staff user of {@code readerPartner} may read it, {@code ownerParties} being the partners of the owning record (a referral's two). */
    public boolean readableBy(StaffUserId reader, PartnerId readerPartner, Set<PartnerId> ownerParties) {
        return switch (visibility) {
            case SHARED -> true;
            case PARTNER -> readerPartner != null && (partner.equals(readerPartner) || ownerParties.contains(readerPartner));
            case PRIVATE -> uploadedBy.equals(reader);
        };
    }

    public Attachment describedAs(String description) {
        return new Attachment(id, stamp, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, description);
    }

    /** The same file owned by another record of the same type (what a merge of employers does to the merged one's files). */
    public Attachment ownedBy(String ownerId) {
        return new Attachment(id, stamp, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, description);
    }

    public Attachment visibleTo(Visibility visibility) {
        return new Attachment(id, stamp, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, description);
    }

    @Override
    public Attachment withId(AttachmentId id) {
        return new Attachment(id, stamp, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, description);
    }

    @Override
    public Attachment withStamp(Stamp stamp) {
        return new Attachment(id, stamp, ownerType, ownerId, filename, contentType, size, sha256, visibility, partner, uploadedBy, description);
    }
}
