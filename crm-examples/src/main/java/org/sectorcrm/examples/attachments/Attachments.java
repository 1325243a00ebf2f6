package org.sectorcrm.examples.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Files attached to records, for the REST API and the web UI alike: the content streams through to the
 * {@linkplain AttachmentSettings#directory() directory} (never whole in memory), is measured, hashed and typed by its
 * content, and only then is the metadata recorded through crm-core ({@code CrmSession.attachments()}), with every rule
 * of the owning record and of the attachment's visibility. Downloads are audited; deleting an attachment or its record
 * removes the content after the commit ({@link #on(DomainEvent)}, a listener of the {@code Crm}).
 */
public final class Attachments {
    /** The types whose pages and routes offer attachments: those whose descriptor says so ({@link AggregateType#offersAttachments()}). */
    public static final List<AggregateType<?, ?, ?>> OWNER_TYPES = AggregateTypes.all().stream().filter(AggregateType::offersAttachments).toList();
    /** The request part (web form) or body (API) a file comes in, as problems name it. */
    public static final String FILE_FIELD = "file";

    private final AttachmentSettings settings;
    private final AttachmentFiles files;

    public Attachments(AttachmentSettings settings) {
        this.settings = settings;
        this.files = new AttachmentFiles(settings.directory());
    }

    public AttachmentSettings settings() {
        return settings;
    }

    /** What the uploader says of a file besides its bytes. */
    public record Upload(String filename, Visibility visibility, String description) {
    }

    /**
     * Attaches the file streaming in from {@code content} to the record {@code ownerId} of {@code ownerType}, as the
     * session's user. Checks first what needs no byte of the body (role, record, file name, declared length), then
     * streams, then checks the size and the type by content.
     *
     * @param declaredLength the request's Content-Length, or -1 when it has none (chunked)
     * @throws UploadRefusedException 413 over the size limit, 415 for a type that is not allowed
     */
    public Attachment upload(CrmSession session, AggregateType<?, ?, ?> ownerType, Id ownerId, Upload upload, InputStream content,
            long declaredLength) {
        session.actor().require(Role.STAFF, "attach files");
        session.attachments().requireOwner(ownerType, ownerId);
        Visibility visibility = upload.visibility() == null ? Visibility.PARTNER : upload.visibility();
        AttachmentId id = new AttachmentId(UUID.randomUUID());
        // Validates the file name and description before a byte is read: a bad name costs no upload.
        Attachment draft = Attachment.of(ownerType.key(), ownerId.asString(), upload.filename(), "application/octet-stream", 0,
                "0".repeat(64), visibility, session.actor().partner(), session.actor().user()).describedAs(blankToNull(upload.description())).withId(id);
        if (declaredLength > settings.maxBytes()) {
            throw UploadRefusedException.tooLarge(FILE_FIELD, settings.maxBytes());
        }
        AttachmentFiles.Received received;
        try {
            received = files.receive(id, content, settings.maxBytes(), FILE_FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException("receiving attachment " + id + " failed", e);
        }
        boolean kept = false;
        try {
            String type = ContentTypes.detect(received.temporary(), upload.filename());
            if (!settings.allowedTypes().contains(type)) {
                throw UploadRefusedException.typeNotAllowed(FILE_FIELD, type, settings.allowedTypes());
            }
            files.keep(received, id);
            kept = true;
            return session.attachments().attach(new Attachment(id, null, draft.ownerType(), draft.ownerId(), draft.filename(), type, received.size(),
                    received.sha256(), visibility, draft.partner(), draft.uploadedBy(), draft.description()));
        } catch (IOException e) {
            throw new UncheckedIOException("storing attachment " + id + " failed", e);
        } finally {
            if (!kept) {
                files.discard(received);
            } else if (!committed(session, id)) {
                files.delete(id); // the metadata was refused (the record went meanwhile): no content without metadata
            }
        }
    }

    private static boolean committed(CrmSession session, AttachmentId id) {
        try {
            return session.attachments().find(id).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A download: the metadata (already audited) and the content, which the caller streams out and closes. */
    public record Download(Attachment attachment, InputStream content) {
    }

    /** The content of an attachment the session's user may read; the download is audited first. */
    public Download download(CrmSession session, AttachmentId id) {
        Attachment a = session.attachments().download(id);
        try {
            return new Download(a, files.open(id));
        } catch (IOException e) {
            throw new UncheckedIOException("reading attachment " + id + " failed", e);
        }
    }

    /** After commit: the content of a deleted attachment (alone or with its record) goes too. Register with {@code Crm.builder().listener}. */
    public void on(DomainEvent event) {
        if (event instanceof DomainEvent.Deleted d && d.recordType() == AggregateTypes.ATTACHMENT) {
            files.delete(AttachmentId.of(d.recordId()));
        }
    }

    /** Whether the content of {@code id} is in the directory (for tests and checks). */
    public boolean hasContent(AttachmentId id) {
        return files.exists(id);
    }

    /**
     * A file name safe in {@code Content-Disposition}: the quoted ASCII fallback keeps letters, digits, '.', '-', '_'
     * and blanks (others become '_'), and {@code filename*} carries the exact name percent-encoded in UTF-8 (RFC 6266).
     */
    public static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            ascii.append((c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ')) ? c : '_');
        }
        String fallback = ascii.toString().strip();
        if (fallback.isEmpty() || fallback.startsWith(".")) {
            fallback = "attachment" + fallback;
        }
        String encoded = java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
