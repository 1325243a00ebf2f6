package org.sectorcrm.examples.web.attachments;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.examples.attachments.Attachments;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;

/**
 * The attachments section of a record's page ({@code tags/attachments.jte}), already in words: the files the reader
 * may read and, for staff, the upload form. A page adds it with one line: {@code p.put("attachments", AttachmentBox.of(r, type, id))}.
 *
 * @param enabled   whether the server keeps attachments at all (the section is left out otherwise)
 * @param action    where the upload form posts
 * @param canUpload whether the reader may attach files (STAFF and above)
 * @param canDownload whether the reader may download them (not VIEWERs: a file's PII cannot be masked)
 */
public record AttachmentBox(boolean enabled, String action, List<Row> rows, boolean canUpload, boolean canDownload, String maxSize,
        List<Option> visibilities) {
    /** The request attribute under which the web UI hands the content store to pages. */
    public static final String ATTRIBUTE = "crm.attachments";

    /** One file: its name, what it is, who attached it and when, who may read it, and the download link. */
    public record Row(String name, String description, String type, String size, String by, String at, String visibility, String href,
            String deleteAction, long version) {
    }

    private static final List<Option> CHOICES = List.of(new Option(Visibility.PARTNER.name(), "My partner's staff (on a referral: both partners')"),
            new Option(Visibility.SHARED.name(), "Every partner's staff"), new Option(Visibility.PRIVATE.name(), "Only me"));

    public static AttachmentBox of(WebRequest r, AggregateType<?, ?, ?> owner, Id ownerId) {
        Attachments store = r.context().attribute(ATTRIBUTE);
        if (store == null) {
            return new AttachmentBox(false, null, List.of(), false, false, null, List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (Attachment a : r.crm().attachments().of(owner, ownerId)) {
            boolean mine = a.partner().equals(r.actor().partner()) && r.canWrite();
            rows.add(new Row(a.filename(), a.description(), a.contentType(), size(a.size()), r.names().staff(a.uploadedBy()) + " ("
                    + r.names().partner(a.partner()) + ")", a.stamp().createdAt().toString().substring(0, 10), Option.words(a.visibility().name()),
                    ApiServer.BASE + "/attachments/" + a.id().asString() + "/content",
                    mine ? "/attachments/" + a.id().asString() + "/delete" : null, a.version()));
        }
        return new AttachmentBox(true, "/" + owner.plural() + "/" + ownerId.asString() + "/attachments", rows, r.canWrite(),
                r.actor().isAtLeast(Role.STAFF), size(store.settings().maxBytes()), CHOICES);
    }

    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0) : bytes + " bytes";
    }
}
