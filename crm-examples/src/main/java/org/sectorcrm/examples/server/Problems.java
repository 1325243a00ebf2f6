package org.sectorcrm.examples.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;

/**
 * Every failure as RFC 9457 problem details ({@code application/problem+json}): crm-core's exceptions map onto
 * their statuses here, in one place, so every route (and every error Javalin raises itself) answers alike.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** The problem an exception thrown by a route stands for; anything unexpected is logged and answers a bare 500. */
    public static void of(Exception e, Context ctx) {
        if (e instanceof LikelyDuplicatesProblem d) {
            write(ctx, 409, "Conflict", d.getMessage(), List.of(), java.util.Map.of("candidates", d.candidates()));
        } else if (e instanceof org.sectorcrm.examples.attachments.UploadRefusedException u) {
            write(ctx, u.status(), u.title(), u.getMessage(), List.of(new Bodies.FieldError(u.field(), u.getMessage())));
        } else if (e instanceof ValidationException v) {
            write(ctx, 400, "Bad Request", v.getMessage(), v.violations().stream().map(f -> new Bodies.FieldError(f.path(), f.message())).toList());
        } else if (e instanceof ApiException a) {
            write(ctx, a.status(), a.title(), a.getMessage(), List.of());
        } else if (e instanceof NotFoundException) {
            write(ctx, 404, "Not Found", e.getMessage(), List.of());
        } else if (e instanceof ConflictException) {
            write(ctx, 409, "Conflict", e.getMessage(), List.of());
        } else if (e instanceof AccessDeniedException) {
            write(ctx, 403, "Forbidden", e.getMessage(), List.of());
        } else if (e instanceof HttpResponseException h) {
            write(ctx, h.getStatus(), "HTTP " + h.getStatus(), h.getMessage(), List.of());
        } else if (readFailure(e) != null) {
            // the request itself was bad (a body shorter than its Content-Length, a broken chunk): the client's error, not ours
            write(ctx, 400, "Bad Request", "the request body could not be read: it ended early or its framing is broken", List.of());
        } else {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            write(ctx, 500, "Internal Server Error", "the server failed; the log has the details", List.of());
        }
    }

    /**
     * The request's path as a URI reference: a raw path may hold characters a URI may not ({@code |}, {@code "}, a
     * space sent raw), which are percent-encoded here rather than failing the answer of the error itself.
     */
    static String instance(String path) {
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            StringBuilder b = new StringBuilder();
            for (byte c : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int u = c & 0xff;
                boolean plain = u > 0x20 && u < 0x7f && "\"<>\\^`{|}%".indexOf(u) < 0;
                b.append(plain ? String.valueOf((char) u) : String.format("%%%02X", u));
            }
            return b.toString();
        }
    }

    /** How much of a client's text a problem repeats: enough to recognise it, never a huge header echoed back. */
    private static final int ECHO = 120;

    /** A client's text as a message may repeat it: control and unpaired surrogate characters shown as U+FFFD, cut at {@value #ECHO}. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < ECHO; i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
            b.append(Character.isISOControl(c) || lone ? '\uFFFD' : c);
            if (Character.isHighSurrogate(c) && !lone) {
                b.append(text.charAt(++i));
            }
        }
        return b.length() < text.length() ? b + "..." : b.toString();
    }

    /** The failure to read the request in {@code e}'s causes (an early end of the body, a bad message), or null. */
    private static Throwable readFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof org.eclipse.jetty.http.BadMessageException) {
                return t;
            }
        }
        return null;
    }

    /** Whether the answer is already a problem of ours (a route's own 404 must not be replaced by "no endpoint"). */
    public static boolean written(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(MEDIA_TYPE);
    }

    /** Writes the problem; a 401 also says how to authenticate ({@code WWW-Authenticate}, RFC 9110 section 11.6.1). */
    public static void write(Context ctx, int status, String title, String detail, List<Bodies.FieldError> errors) {
        write(ctx, status, title, detail, errors, Map.of());
    }

    /** {@link #write(Context, int, String, String, List)} with extension members (RFC 9457 section 3.2). */
    static void write(Context ctx, int status, String title, String detail, List<Bodies.FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        p.put("instance", instance(ctx.path()));
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        p.putAll(extensions);
        if (status == 401) {
            ctx.header("WWW-Authenticate", Authentication.CHALLENGE);
        }
        ctx.status(status);
        ctx.contentType(MEDIA_TYPE);
        try {
            ctx.result(ApiJson.mapper().writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + status + "}");
        }
    }
}
