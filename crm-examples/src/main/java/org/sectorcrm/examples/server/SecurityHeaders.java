package org.sectorcrm.examples.server;

import java.time.Duration;
import java.util.Locale;

import io.javalin.http.Context;

/**
 * The response headers that keep a browser from leaking or misreading what the server sends (OWASP Secure Headers
 * Project, OWASP REST Security Cheat Sheet), and the session cookie's attributes. The web pages reuse it: every
 * response gets {@link #common}, every answer under {@code /api/v1} and every page built from a session gets
 * {@link #noStore}, every HTML page {@link #html}.
 *
 * <p>TLS is usually terminated by a reverse proxy in front of SectorCRM, so the server cannot see that the browser
 * spoke https. The cookie gets {@code Secure} when the request came over TLS to this server, or when
 * {@code trustForwardedProto} is on (the {@code serve --behind-https-proxy} option) and the proxy says
 * {@code X-Forwarded-Proto: https}. The header is not trusted by default: a client talking to the server directly could
 * send it, and it proves nothing unless a proxy one controls sets it. The same setting makes the login throttle use
 * the address the proxy appended to {@code X-Forwarded-For} ({@link #clientAddress}).
 */
public final class SecurityHeaders {
    /**
     * The policy of every HTML page: scripts, styles, images and fonts from this server only (no inline script or
     * style, so an injected tag does nothing), forms post only here, never framed (clickjacking).
     */
    public static final String HTML_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** The policy of everything else (JSON, calendars): nothing it contains may run or be framed if a browser opens it. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final boolean trustForwardedProto;

    /** @param trustForwardedProto whether a reverse proxy in front sets {@code X-Forwarded-Proto} (see the class comment) */
    public SecurityHeaders(boolean trustForwardedProto) {
        this.trustForwardedProto = trustForwardedProto;
    }

    /** Headers for every response: no MIME sniffing, no Referer carrying a URL (feed tokens live in URLs), never framed. */
    public void common(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", DATA_POLICY);
    }

    /** Authenticated data (or anything personal): no shared or browser cache keeps a copy. */
    public void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    /** An HTML page: the strict page policy instead of the data one. */
    public void html(Context ctx) {
        ctx.header("Content-Security-Policy", HTML_POLICY);
    }

    /** Whether the browser reached us over TLS, directly or (when configured) through the proxy. */
    public boolean secureTransport(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        if (!trustForwardedProto) {
            return false;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        // a chain of proxies appends: the first value is what the browser used
        return proto != null && proto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT).equals("https");
    }

    /**
     * The client's address for throttling: the peer, or behind the trusted proxy the address it appended last to
     * {@code X-Forwarded-For} (entries before it are whatever the client sent, and prove nothing).
     */
    public String clientAddress(Context ctx) {
        String forwarded = trustForwardedProto ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return ctx.ip();
    }

    /**
     * The {@code Set-Cookie} value of a session: HttpOnly keeps scripts out, SameSite=Strict keeps other sites' requests
     * from carrying it, Secure (over TLS) keeps it off plain http.
     */
    public String cookie(Context ctx, String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict" + (secureTransport(ctx) ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that deletes the cookie. */
    public String clearedCookie(Context ctx, String name) {
        return cookie(ctx, name, "", Duration.ZERO);
    }
}
