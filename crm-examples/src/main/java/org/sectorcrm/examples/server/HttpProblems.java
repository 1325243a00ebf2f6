package org.sectorcrm.examples.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * RFC 9457 problem details for the failures no route sees: Jetty refuses a request line it cannot parse, a malformed
 * or ambiguous URI ({@code %zz}, an encoded slash), a URI or headers over its buffer (414, 431) before Javalin runs,
 * and Javalin answers a body over {@code maxRequestSize} (413) on its own. Without this those answer Jetty's HTML
 * page or Javalin's text/plain, which a client that reads every error as problem+json cannot parse.
 *
 * <p>The detail is a fixed sentence per status, with Jetty's reason only when it names the input ("Ambiguous URI
 * path separator"), never a Java type or a stack.
 */
public final class HttpProblems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private HttpProblems() {
    }

    /** Puts the problem answers in place of Jetty's error pages and Javalin's plain-text HTTP errors. */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), e.getMessage()));
    }

    /** The problem of {@code status}, as the JSON the API writes for all its errors. */
    static byte[] json(int status, String detail, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", detail(status, detail));
        if (instance != null) {
            p.put("instance", instance);
        }
        try {
            return ApiJson.mapper().writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            return ("{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.contentType(MEDIA_TYPE);
        ctx.result(json(status, message, ctx.path()));
    }

    static String title(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() ? "HTTP " + status : reason;
    }

    private static String detail(int status, String reason) {
        String fixed = switch (status) {
            case 400 -> "the request could not be read: check the request line, the URI's percent-encoding and the headers";
            case 404 -> "there is nothing at this URI";
            case 405 -> "this method is not allowed on this URI";
            case 413 -> "the request body is larger than this server accepts";
            case 414 -> "the URI is longer than this server reads: send long filters in fewer or shorter parameters";
            case 431 -> "the request headers are larger than this server reads";
            case 500 -> "the server failed; the log has the details";
            default -> title(status);
        };
        return safe(reason) ? fixed + " (" + reason + ")" : fixed;
    }

    /** Whether Jetty's or Javalin's reason adds something a client can act on and leaks nothing of the server. */
    private static boolean safe(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 120) {
            return false;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.equals(title(400).toLowerCase(Locale.ROOT)) || r.contains("java") || r.contains("jetty") || r.contains("exception") || r.contains("org.")
                || r.contains("<") || r.contains("\n")) {
            return false;
        }
        for (int s : new int[] {400, 404, 405, 413, 414, 431, 500}) {
            if (r.equals(title(s).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Jetty's error handling for requests that did not reach a route, and for bad HTTP messages. */
    static final class ProblemErrorHandler extends ErrorHandler {
        /** Every method gets its problem: Jetty's default writes a body for GET, POST and HEAD only (a PUT's 431 had none). */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            byte[] body = json(code, message, null);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
            return ByteBuffer.wrap(json(status, reason, null));
        }
    }
}
