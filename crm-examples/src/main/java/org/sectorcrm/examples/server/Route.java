package org.sectorcrm.examples.server;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint: what is registered with Javalin and what the OpenAPI document describes are the same list,
 * so the document cannot drift from the server. Routes are built with {@link #get}, {@link #post}, ... and read like
 * the document they produce: {@code Route.get("/me").tag("auth").id("me").returns(Actor.class).handle(...)}.
 *
 * @param requestBody  the JSON body's type, or null
 * @param response     the JSON response item type, or null for 204 (and for non-JSON answers)
 * @param schema       the response schema when it is not a Java type's (built from the document's schemas), or null
 * @param paged        whether the response is {@code {"items":[...],"next":...}} of {@code response}
 * @param queryParams  the query parameters besides paging (for lists: the filter record's components)
 * @param ifMatch      whether the write needs the {@code If-Match} header with the version read
 * @param open         whether it answers without the session or token authentication
 * @param mediaType    what a success answers with ({@code application/json} unless said)
 * @param headers      the headers a success carries ({@code ETag}, {@code Location}), as the document lists them
 * @param throttled    whether it checks a password through the login throttle (429 with {@code Retry-After})
 * @param pathId       the id type the {@code {id}} of the path is parsed as (its schema: a uuid or a code), or null
 * @param bodyMedia    the media type a request body must be declared as (415 otherwise; {@link RouteRules}), or null for
 *                     none: JSON for a body type, merge patch for PATCH, octet-stream for a stream, unless said ({@code text/csv})
 */
public record Route(HandlerType method, String path, String tag, String operationId, String summary, Class<?> requestBody,
        Class<?> response, Function<Schemas, ObjectNode> schema, boolean paged, List<Param> queryParams, boolean ifMatch,
        boolean open, int status, String mediaType, List<String> headers, boolean throttled, Class<?> pathId, Handler handler, String bodyMedia) {

    public static final String JSON = "application/json";
    /** A file's bytes as they are (attachments): the only body type a cross-site form cannot send that a stream takes. */
    public static final String OCTETS = "application/octet-stream";

    /** The route as it was before {@code bodyMedia}: the body's media type follows from its type and the method. */
    public Route(HandlerType method, String path, String tag, String operationId, String summary, Class<?> requestBody,
            Class<?> response, Function<Schemas, ObjectNode> schema, boolean paged, List<Param> queryParams, boolean ifMatch,
            boolean open, int status, String mediaType, List<String> headers, boolean throttled, Class<?> pathId, Handler handler) {
        this(method, path, tag, operationId, summary, requestBody, response, schema, paged, queryParams, ifMatch, open, status, mediaType, headers,
                throttled, pathId, handler, null);
    }

    public Route {
        if (bodyMedia == null && requestBody != null) {
            bodyMedia = requestBody == java.io.InputStream.class ? OCTETS : method == HandlerType.PATCH ? MergePatch.MEDIA_TYPE : JSON;
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(handler, "handler");
        queryParams = List.copyOf(queryParams);
        headers = List.copyOf(headers);
    }

    /** A success's {@code ETag}: the version of the record it answers, for the If-Match of the next write. */
    public static final String ETAG = "ETag";
    /** A 201's {@code Location}: the URL of what it created. */
    public static final String LOCATION = "Location";

    /** A query parameter: its name and Java type (mapped onto a JSON Schema type in the document). */
    public record Param(String name, Class<?> type, boolean required) {
    }

    public static Builder get(String path) {
        return new Builder(HandlerType.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HandlerType.POST, path).status(200);
    }

    public static Builder put(String path) {
        return new Builder(HandlerType.PUT, path);
    }

    /** A partial update: the body is a JSON Merge Patch ({@code application/merge-patch+json}). */
    public static Builder patch(String path) {
        return new Builder(HandlerType.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(HandlerType.DELETE, path).status(204);
    }

    /** This route under {@code base} ({@code /api/v1}). */
    Route under(String base) {
        return new Route(method, base + path, tag, operationId, summary, requestBody, response, schema, paged, queryParams, ifMatch, open, status,
                mediaType, headers, throttled, pathId, handler, bodyMedia);
    }

    /** The query parameters the route reads: those declared, and a list's paging; any other is a 400 ({@link RouteRules}). */
    public java.util.Set<String> queryNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        queryParams.forEach(p -> names.add(p.name()));
        if (paged) {
            names.add("after");
            names.add("limit");
        }
        return names;
    }

    /** Whether a path segment has text after a parameter ({@code {id}.ics}): Javalin must try it before the plain {@code {id}}. */
    boolean hasSuffixedParameter() {
        for (String segment : path.split("/")) {
            int close = segment.lastIndexOf('}');
            if (close >= 0 && close < segment.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** Collects a route's parts; {@link #handle} completes it. */
    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private String tag = "default";
        private String operationId;
        private String summary = "";
        private Class<?> requestBody;
        private Class<?> response;
        private Function<Schemas, ObjectNode> schema;
        private boolean paged;
        private List<Param> query = List.of();
        private boolean ifMatch;
        private boolean open;
        private int status = 200;
        private String mediaType = JSON;
        private final List<String> headers = new java.util.ArrayList<>();
        private boolean throttled;
        private Class<?> pathId;
        private String bodyMedia;

        private Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** The OpenAPI operation id and its one-line summary. */
        public Builder id(String operationId, String summary) {
            this.operationId = operationId;
            this.summary = summary;
            return this;
        }

        public Builder body(Class<?> requestBody) {
            this.requestBody = requestBody;
            return this;
        }

        /** A body that is not JSON, read by the handler as a stream of this media type ({@code text/csv}). */
        public Builder body(String mediaType) {
            this.requestBody = java.io.InputStream.class;
            this.bodyMedia = mediaType;
            return this;
        }

        public Builder returns(Class<?> response) {
            this.response = response;
            return this;
        }

        /** A JSON answer whose schema is built from the document's schemas (a map of pages, say). */
        public Builder returns(Function<Schemas, ObjectNode> schema) {
            this.schema = schema;
            return this;
        }

        /** A page {@code {"items":[...],"next":...}} of {@code item}. */
        public Builder pages(Class<?> item) {
            this.response = item;
            this.paged = true;
            return this;
        }

        public Builder query(List<Param> query) {
            this.query = query;
            return this;
        }

        public Builder ifMatch() {
            this.ifMatch = true;
            return this;
        }

        /** Answers without the API's session or token (it checks a credential of its own, or none). */
        public Builder open() {
            this.open = true;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** A success that is not JSON (an iCalendar file). */
        public Builder media(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        /** A success carries these headers ({@link #ETAG}, {@link #LOCATION}). */
        public Builder headers(String... names) {
            headers.addAll(List.of(names));
            return this;
        }

        /** The {@code {id}} of the path is an id of this type (the document gives its schema: uuid, or a code). */
        public Builder pathId(Class<?> idType) {
            this.pathId = idType;
            return this;
        }

        /** Checks a password through the login throttle: may answer 429 with Retry-After. */
        public Builder throttled() {
            this.throttled = true;
            return this;
        }

        public Route handle(Handler handler) {
            if (operationId == null) {
                throw new IllegalStateException("route " + method + " " + path + " has no operation id: call id(...)");
            }
            return new Route(method, path, tag, operationId, summary, requestBody, response, schema, paged, query, ifMatch, open, status,
                    mediaType, headers, throttled, pathId, handler, bodyMedia);
        }
    }
}
