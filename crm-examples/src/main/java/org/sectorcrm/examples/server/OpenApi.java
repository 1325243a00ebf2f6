package org.sectorcrm.examples.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.HandlerType;

/**
 * Builds the OpenAPI 3.1 document from the route table the server registers: paths, parameters, bodies, response
 * headers and error answers from the {@link Route}s, schemas from the Java types the server reads and writes
 * ({@link Schemas}), so the document describes what the server does and cannot drift from it. Error answers are
 * listed where the server gives them ({@link OpenApiResponses}).
 */
public final class OpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private OpenApi() {
    }

    /** The query parameters of a list endpoint: the filter record's components. */
    public static List<Route.Param> filterParams(Class<?> filter) {
        return Schemas.filterParams(filter);
    }

    /** The OpenAPI document of these routes. */
    public static ObjectNode document(List<Route> routes) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "SectorCRM API");
        info.put("version", "1");
        info.put("description", "The shared employer record of a regional workforce system. Authenticate with POST /api/v1/session"
                + " (cookie) or an API token from POST /api/v1/tokens (Authorization: Bearer). Lists are keyset-paginated:"
                + " pass the 'next' value of a page as 'after'. Writes to an existing record need If-Match with its ETag; PUT replaces"
                + " the whole record, PATCH (application/merge-patch+json) changes the members it names. Ids and stamps are assigned"
                + " by the server. Every error is application/problem+json (RFC 9457) and a 400 lists every bad field in 'errors'."
                + " Calendar feeds (GET /api/v1/calendar/{feedToken}.ics) are opened by the secret token in their URL instead.");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
        info.putObject("contact").put("name", "SectorCRM");
        // relative: the server that serves this document (a fixed host would be wrong for every installation but one)
        doc.putArray("servers").addObject().put("url", "/").put("description", "the server that serves this document");
        ObjectNode components = F.objectNode();
        Schemas schemas = new Schemas(components);
        ObjectNode paths = doc.putObject("paths");
        Set<String> tags = new LinkedHashSet<>();
        for (Route r : routes) {
            ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            operation(item.putObject(r.method().name().toLowerCase(Locale.ROOT)), r, schemas);
            tags.add(r.tag());
        }
        ArrayNode tagList = F.arrayNode();
        for (String t : tags) {
            tagList.addObject().put("name", t).put("description", OpenApiResponses.describeTag(t));
        }
        doc.set("tags", tagList);
        components.set("Problem", OpenApiResponses.problemSchema());
        ObjectNode componentsNode = doc.putObject("components");
        componentsNode.set("schemas", components);
        ObjectNode security = componentsNode.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "an API token from POST /api/v1/tokens: Authorization: Bearer scrm_...");
        security.putObject("cookie").put("type", "apiKey").put("in", "cookie").put("name", ApiServer.SESSION_COOKIE)
                .put("description", "the session cookie POST /api/v1/session sets");
        ArrayNode sec = doc.putArray("security");
        sec.addObject().putArray("bearer");
        sec.addObject().putArray("cookie");
        return doc;
    }

    private static void operation(ObjectNode op, Route r, Schemas schemas) {
        op.put("operationId", r.operationId());
        op.put("summary", r.summary());
        op.put("description", OpenApiResponses.describe(r));
        op.putArray("tags").add(r.tag());
        if (r.open()) {
            op.putArray("security");
        }
        ArrayNode params = F.arrayNode();
        // every {name} of the path, also inside a segment ({id}.ics)
        Matcher template = PATH_PARAMETER.matcher(r.path());
        while (template.find()) {
            ObjectNode p = params.addObject();
            p.put("name", template.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.put("description", template.group(1).equals("id") ? "the record's id" : "the " + template.group(1));
            if (template.group(1).equals("id") && r.pathId() != null) {
                p.set("schema", schemas.of(r.pathId())); // the id type's own text: a uuid, or a region or sector code
            } else {
                p.putObject("schema").put("type", "string");
            }
        }
        for (Route.Param q : r.queryParams()) {
            ObjectNode p = params.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("required", q.required());
            p.put("description", q.required() ? "required" : "optional: only records with this " + q.name());
            p.set("schema", schemas.of(q.type()));
        }
        if (r.paged()) {
            ObjectNode after = params.addObject();
            after.put("name", "after");
            after.put("in", "query");
            after.put("description", "the 'next' value of the previous page (opaque; bound to this list)");
            after.putObject("schema").put("type", "string");
            ObjectNode limit = params.addObject();
            limit.put("name", "limit");
            limit.put("in", "query");
            limit.put("description", "how many items a page holds at most");
            limit.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", 1000).put("default", 50);
        }
        if (r.ifMatch()) {
            ObjectNode p = params.addObject();
            p.put("name", "If-Match");
            p.put("in", "header");
            p.put("required", true);
            p.put("description", "the ETag (version) read; a stale one gets 412 and changes nothing");
            p.putObject("schema").put("type", "string");
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (r.requestBody() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            if (r.requestBody() == java.io.InputStream.class) {
                // Streamed as they are: a file's bytes (attachments; the type is detected from the content) or a CSV file.
                boolean octets = r.bodyMedia().equals(Route.OCTETS);
                body.put("description", octets ? "the file's bytes" : "the file, as " + r.bodyMedia());
                body.putObject("content").putObject(r.bodyMedia()).putObject("schema").put("type", "string")
                        .put("contentMediaType", r.bodyMedia());
            } else if (r.method() == HandlerType.PATCH) {
                body.put("description", "the members to change (RFC 7396)");
                body.putObject("content").putObject(MergePatch.MEDIA_TYPE).set("schema", schemas.patch(r.requestBody()));
            } else {
                body.put("description", "the " + Http.recordName(r.requestBody()));
                body.putObject("content").putObject("application/json").set("schema", schemas.of(r.requestBody()));
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(r.status()));
        ok.put("description", r.status() == 204 ? "done" : r.status() == 201 ? "created" : "success");
        OpenApiResponses.headers(ok, r.headers());
        if (!r.mediaType().equals(Route.JSON)) {
            ok.putObject("content").putObject(r.mediaType()).putObject("schema").put("type", "string");
        } else if (r.schema() != null) {
            ok.putObject("content").putObject(Route.JSON).set("schema", r.schema().apply(schemas));
        } else if (r.response() != null && r.status() != 204) {
            ObjectNode s;
            if (r.paged()) {
                s = schemas.page(r.response());
            } else if (r.response() == ObjectNode.class) {
                s = F.objectNode().put("type", "object");
            } else {
                s = schemas.of(r.response());
            }
            ok.putObject("content").putObject(Route.JSON).set("schema", s);
        }
        OpenApiResponses.errors(responses, r);
    }
}
