package org.sectorcrm.core.attachment;

import org.sectorcrm.core.reference.PartnerId;

/**
 * Which attachments a query returns; null fields do not filter. {@code ownerType} is an aggregate key
 * ({@code employer}), {@code ownerId} the owning record's id as text. {@link #matches} is the definition every store
 * implements. @since 2
 */
public record AttachmentFilter(String ownerType, String ownerId, PartnerId partner) {
    public static final AttachmentFilter ALL = new AttachmentFilter(null, null, null);

    /** The attachments of one record. */
    public static AttachmentFilter of(String ownerType, String ownerId) {
        return new AttachmentFilter(ownerType, ownerId, null);
    }

    public boolean matches(Attachment a) {
        return (ownerType == null || ownerType.equals(a.ownerType()))
                && (ownerId == null || ownerId.equals(a.ownerId()))
                && (partner == null || partner.equals(a.partner()));
    }
}
