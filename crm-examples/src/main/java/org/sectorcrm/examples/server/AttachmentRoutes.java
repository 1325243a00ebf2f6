package org.sectorcrm.examples.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.javalin.http.Context;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.attachments.Attachments;

/**
 * Files attached to records. An upload is the file's bytes as the request body, as they are (no multipart on the API:
 * any client streams a file that way, and the server never holds it whole), declared {@code application/octet-stream}
 * (the one type a cross-site form cannot post with the session cookie; any other is a 415), with the file name and the rest in the
 * query: {@code POST /employers/{id}/attachments?filename=intake.pdf&visibility=PARTNER&description=...}. The content
 * type the client sends is not believed: the server detects it from the content. The metadata's own routes (read,
 * list, change the description or visibility, delete with If-Match) are the generic ones of {@code /attachments}.
 */
public final class AttachmentRoutes implements RouteGroup {
    private static final List<Route.Param> UPLOAD_PARAMS = List.of(new Route.Param("filename", String.class, true),
            new Route.Param("visibility", Visibility.class, false), new Route.Param("description", String.class, false));

    /** {@code GET /{plural}/{id}/attachments}: what the caller may read of one record's attachments, oldest first. */
    public record AttachmentList(List<Attachment> items) {
    }

    private final Attachments attachments;

    AttachmentRoutes(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (AggregateType<?, ?, ?> owner : Attachments.OWNER_TYPES) {
            String path = "/" + owner.plural() + "/{id}/attachments";
            String one = owner.recordClass().getSimpleName();
            routes.add(Route.post(path).tag("attachments").id("attachTo" + one, "Attach a file to a " + owner.key() + ": the body is the file's"
                    + " bytes, streamed; its type is detected from the content (allowed types only, else 415), at most the size limit (else 413)")
                    .body(InputStream.class).query(UPLOAD_PARAMS).returns(Attachment.class).status(201).handle(ctx -> upload(ctx, owner)));
            routes.add(Route.get(path).tag("attachments").id("attachmentsOf" + one, "The attachments of a " + owner.key() + " you may read, oldest first")
                    .returns(AttachmentList.class).handle(ctx -> {
                        CrmSession s = Http.session(ctx);
                        Http.send(ctx, 200, new AttachmentList(s.attachments().of(owner, owner.parseId(ctx.pathParam("id")))));
                    }));
        }
        routes.add(Route.get("/attachments/{id}/content").tag("attachments").id("downloadAttachment", "The file, as an attachment download with"
                + " its detected type; every download is audited; VIEWERs may not download (a file's PII cannot be masked)")
                .media("application/octet-stream").handle(this::download));
        return routes;
    }

    private void upload(Context ctx, AggregateType<?, ?, ?> owner) throws Exception {
        CrmSession s = Http.session(ctx);
        Id ownerId = owner.parseId(ctx.pathParam("id"));
        // declared application/octet-stream, else 415 (RouteRules): a cross-site form cannot send that type with the cookie
        String filename = ctx.queryParam("filename");
        if (filename == null) {
            throw ValidationException.of("attachment", "filename", "is required (the query parameter filename)");
        }
        Visibility visibility = visibility(ctx.queryParam("visibility"));
        Attachment a = attachments.upload(s, owner, ownerId, new Attachments.Upload(filename, visibility, ctx.queryParam("description")),
                ctx.req().getInputStream(), ctx.req().getContentLengthLong());
        ctx.header("ETag", Http.etag(a.version()));
        ctx.header("Location", ApiServer.BASE + "/" + AggregateTypes.ATTACHMENT.plural() + "/" + a.id().asString());
        Http.send(ctx, 201, a);
    }

    private void download(Context ctx) throws Exception {
        CrmSession s = Http.session(ctx);
        Attachments.Download d = attachments.download(s, AggregateTypes.ATTACHMENT.parseId(ctx.pathParam("id")));
        Attachment a = d.attachment();
        ctx.status(200);
        ctx.header("Content-Type", a.contentType());
        ctx.header("Content-Disposition", Attachments.contentDisposition(a.filename()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(a.sha256())) + ":"); // RFC 9530
        ctx.res().setContentLengthLong(a.size());
        // Straight to the servlet stream in 64 KiB pieces: no response buffering or compression holds the file.
        try (InputStream in = d.content()) {
            OutputStream out = ctx.res().getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    static Visibility visibility(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Visibility.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("attachment", "visibility", "must be one of " + Arrays.toString(Visibility.values()) + " but was '" + text + "'");
        }
    }
}
