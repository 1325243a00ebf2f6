package org.sectorcrm.examples.web.attachments;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.javalin.http.UploadedFile;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.attachments.Attachments;
import org.sectorcrm.examples.attachments.UploadRefusedException;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The upload form's target on each owner's page ({@code POST /employers/{id}/attachments}, multipart with the CSRF
 * field, checked by the web UI like every form) and the delete button. Jetty keeps a multipart file part above 64 KiB
 * in a temporary file, not in memory; from there it streams through {@link Attachments#upload} like an API upload.
 * Downloads are links to the API's {@code /api/v1/attachments/{id}/content}, which the sign-in session opens.
 */
public final class AttachmentPages {
    public List<WebRoute> routes() {
        List<WebRoute> routes = new java.util.ArrayList<>();
        for (AggregateType<?, ?, ?> owner : Attachments.OWNER_TYPES) {
            routes.add(WebRoute.post("/" + owner.plural() + "/{id}/attachments", r -> upload(r, owner)));
        }
        routes.add(WebRoute.post("/attachments/{id}/delete", this::delete));
        return routes;
    }

    private void upload(WebRequest r, AggregateType<?, ?, ?> owner) throws Exception {
        Attachments store = store(r);
        Id ownerId = owner.parseId(r.path("id"));
        UploadedFile file = r.context().uploadedFile(Attachments.FILE_FIELD);
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw ValidationException.of("attachment", Attachments.FILE_FIELD, "choose a file to attach");
        }
        Visibility visibility = visibility(r.form("visibility"));
        Attachment a;
        try (InputStream in = file.content()) {
            a = store.upload(r.crm(), owner, ownerId, new Attachments.Upload(baseName(file.filename()), visibility, r.form("description")), in,
                    file.size());
        } catch (UploadRefusedException e) {
            r.render(e.status(), "error.jte", "Not attached", null, Map.of("heading", "Not attached", "message",
                    "The file " + file.filename() + " " + e.getMessage() + ".", "details", List.of()));
            return;
        }
        r.redirect(back(owner, ownerId), "Attached " + a.filename() + ".");
    }

    private void delete(WebRequest r) {
        AttachmentId id = AttachmentId.of(r.path("id"));
        Attachment a = r.crm().attachments().get(id);
        Long version;
        try {
            version = Long.valueOf(r.form("version"));
        } catch (NumberFormatException e) {
            throw ValidationException.of("attachment", "version", "the form carries no version: reload the page");
        }
        r.crm().attachments().delete(id, version);
        AggregateType<?, ?, ?> owner = AggregateTypes.byKey(a.ownerType()).orElseThrow();
        r.redirect(back(owner, owner.parseId(a.ownerId())), "Deleted " + a.filename() + ".");
    }

    private static String back(AggregateType<?, ?, ?> owner, Id id) {
        return "/" + owner.plural() + "/" + id.asString();
    }

    /** The visibility chosen (PARTNER when none): a value the form never offers is a 400 naming the field, not a 500. */
    private static Visibility visibility(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return Visibility.PARTNER;
        }
        try {
            return Visibility.valueOf(chosen);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("attachment", "visibility", "must be one of " + java.util.Arrays.toString(Visibility.values()));
        }
    }

    /** Some browsers send a path with the name: only its last part is the file's name. */
    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static Attachments store(WebRequest r) {
        Attachments store = r.context().attribute(AttachmentBox.ATTRIBUTE);
        if (store == null) {
            throw new org.sectorcrm.core.NotFoundException("page", r.context().path());
        }
        return store;
    }
}
