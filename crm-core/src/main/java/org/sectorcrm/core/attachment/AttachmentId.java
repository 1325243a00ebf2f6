package org.sectorcrm.core.attachment;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies an {@link Attachment}; also names its content in a content store. @since 2 */
public record AttachmentId(UUID value) implements Id {
    public AttachmentId {
        if (value == null) {
            throw ValidationException.of("attachment", "id", "is required");
        }
    }

    public static AttachmentId of(String text) {
        return new AttachmentId(org.sectorcrm.core.internal.Uuids.parse("attachment", text));
    }

    @Override
    public String asString() {
        return value.toString();
    }

    @Override
    public String toString() {
        return asString();
    }
}
