package org.sectorcrm.examples.server;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;

/**
 * Reading requests and writing answers, the same way for every route (public for route groups in other packages:
 * {@link RouteGroup}).
 */
public final class Http {
    static final String SESSION_ATTR = "crm.session";

    private Http() {
    }

    /** The session the request runs as (set by the authentication in front of every route that is not open). */
    public static CrmSession session(Context ctx) {
        CrmSession s = ctx.attribute(SESSION_ATTR);
        if (s == null) {
            throw new IllegalStateException("route registered as open but reads the session");
        }
        return s;
    }

    public static PageRequest page(Context ctx) {
        String limit = ctx.queryParam("limit");
        int n = PageRequest.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw ValidationException.of("page", "limit", "must be a whole number but was '" + limit + "'");
            }
        }
        String after = ctx.queryParam("after");
        return new PageRequest(after == null || after.isEmpty() ? null : Cursor.decode(ctx.path(), after), n);
    }

    /** The filter record from the query parameters except {@code skip} ones: {@code ?status=ACTIVE&region=...}. */
    public static <F> F filter(Context ctx, Class<F> type, F all, String... skip) {
        java.util.Set<String> ignored = new java.util.HashSet<>(java.util.List.of(skip));
        ignored.add("after");
        ignored.add("limit");
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!ignored.contains(k) && !v.isEmpty() && !v.get(0).isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        if (params.isEmpty()) {
            return all;
        }
        return ApiJson.query(params, type, "filter");
    }

    /** The body as a JSON object, read as strictly as every other input (duplicate keys, trailing content refused). */
    public static ObjectNode objectBody(Context ctx) {
        requireJson(ctx);
        JsonNode node = ApiJson.read(ctx.body(), JsonNode.class, "body");
        if (!node.isObject()) {
            throw ValidationException.of("body", "$", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static <B> B body(Context ctx, Class<B> type) {
        return convert(objectBody(ctx), type, recordName(type));
    }

    /** The tree as {@code type}; errors about the JSON name {@code record} ({@code employer.fein}). */
    static <B> B convert(ObjectNode tree, Class<B> type, String record) {
        return BodyReader.read(tree, type, record);
    }

    /**
     * JSON bodies only, declared as such: a browser sends text/plain or form types from any page without a CORS
     * preflight, with the session cookie, so accepting those (or no type) would let a same-site page act for the user.
     */
    static void requireJson(Context ctx) {
        String ct = ctx.header("Content-Type");
        String type = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "Unsupported Media Type", "send the body as application/json, not " + (ct == null ? "without a Content-Type" : ct));
        }
    }

    static String recordName(Class<?> type) {
        String n = type.getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    public static long ifMatch(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw new ApiException(428, "Precondition Required", "send If-Match with the ETag (version) you read, so no one's change is overwritten");
        }
        String v = h.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            long n = Long.parseLong(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ValidationException.of("request", "If-Match", "must be an ETag returned by this API, like \"3\", but was " + h);
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    @FunctionalInterface
    public interface Work<R> {
        R run() throws Exception;
    }

    /** A stale version behind If-Match answers 412 Precondition Failed (RFC 9110), not the generic 409. */
    public static <R> R preconditioned(Work<R> work) throws Exception {
        try {
            return work.run();
        } catch (ConflictException e) {
            if (e.currentVersion().isPresent()) {
                throw new ApiException(412, "Precondition Failed", e.getMessage() + "; reload (current ETag " + etag(e.currentVersion().getAsLong()) + ")");
            }
            throw e;
        }
    }

    public static void send(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status);
        ctx.contentType(Route.JSON);
        ctx.result(ApiJson.mapper().writeValueAsBytes(body));
    }

    public static <X> void sendPage(Context ctx, Page<X> page) throws JsonProcessingException {
        send(ctx, 200, pageOf(ctx.path(), page));
    }

    /** The body of a page of the list at {@code path}, its {@code next} an opaque cursor for that list ({@link Cursor}). */
    static Bodies.PageOf pageOf(String path, Page<?> page) {
        return new Bodies.PageOf(page.items(), Cursor.encode(path, page.nextCursor()));
    }
}
