package org.sectorcrm.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.server.ApiServer;

/**
 * The web UI's routes on the API server's Javalin: {@code new WebUi(crm, accounts, headers).register(config.routes)}. Each page
 * is wrapped here once: the security headers, the login session (the API's own sessions: same cookie, same lifetime,
 * same database table), the CSRF check of every POST, and HTML error pages. Pages register themselves in
 * {@link #pages()}.
 */
public final class WebUi {
    /**
     * No inline script, style or handler anywhere; forms post only here; no framing. The templates are checked at build
     * time for inline handlers (jte's OwaspHtmlPolicy), this header makes the browser refuse any that slipped through.
     */
    static final String CSP = org.sectorcrm.examples.server.SecurityHeaders.HTML_POLICY; // one page policy for the server
    private static final System.Logger LOG = System.getLogger(WebUi.class.getName());
    private static final Map<String, String> ASSETS = Map.of("app.css", "text/css; charset=utf-8", "app.js", "text/javascript; charset=utf-8");

    /** The largest upload (an import's CSV) a page accepts; Javalin's own multipart limits are unbounded by default. */
    public static final long MAX_UPLOAD_BYTES = 100_000_000L;

    private final Crm crm;
    private final Accounts accounts;
    private final Templates templates = new Templates();

    private final org.sectorcrm.examples.server.SecurityHeaders headers;

    public WebUi(Crm crm, Accounts accounts, org.sectorcrm.examples.server.SecurityHeaders headers) {
        this.crm = crm;
        this.accounts = accounts;
        this.headers = headers;
    }

    private org.sectorcrm.examples.attachments.Attachments attachments;

    /** Offers attachments on the record pages with this content store (null: none). */
    public WebUi attachments(org.sectorcrm.examples.attachments.Attachments store) {
        this.attachments = store;
        return this;
    }

    /** The routes of every page, the sign-in and the static assets. */
    public void register(RoutesConfig routes) {
        routes.get("/static/{file}", this::asset);
        SignIn signIn = new SignIn(crm, accounts, templates, headers::clientAddress);
        routes.get("/login", open(signIn::form));
        routes.post("/login", open(signIn::submit));
        routes.post("/logout", open(ctx -> {
            // a sign-out needs the CSRF token too: otherwise any site could sign the user out
            Optional<String> sid = sessionId(ctx);
            if (sid.isPresent() && !Csrf.same(Csrf.forSession(sid.get()), ctx.formParam(Csrf.FIELD))) {
                error(ctx, null, 403, "Refused", "This sign-out did not come from a SectorCRM page. You are still signed in.", List.of());
                return;
            }
            sid.ifPresent(accounts::endSession);
            ctx.res().addHeader("Set-Cookie", ApiServer.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/login?signedOut", io.javalin.http.HttpStatus.SEE_OTHER);
        }));
        for (WebRoute r : pages()) {
            Handler h = signedIn(r.handler());
            if (r.post()) {
                routes.post(r.path(), h);
            } else {
                routes.get(r.path(), h);
            }
        }
    }

    /** One page's method, path and handler. */
    public record WebRoute(boolean post, String path, PageHandler handler) {
        public static WebRoute get(String path, PageHandler h) {
            return new WebRoute(false, path, h);
        }

        public static WebRoute post(String path, PageHandler h) {
            return new WebRoute(true, path, h);
        }
    }

    private List<WebRoute> pages() {
        List<WebRoute> all = new ArrayList<>();
        all.addAll(new org.sectorcrm.examples.web.home.MyWorkPage().routes());
        all.add(WebRoute.get("/employers", new org.sectorcrm.examples.web.employers.EmployerListPage()::show));
        all.addAll(new org.sectorcrm.examples.web.employers.EmployerFormPage().routes()); // before /employers/{id}: "new" is no id
        all.addAll(new org.sectorcrm.examples.web.employers.EngagementFormPage().routes());
        all.addAll(new org.sectorcrm.examples.web.attachments.AttachmentPages().routes()); // before /referrals/{id}/{move}
        all.addAll(new org.sectorcrm.examples.web.referrals.MessageThreadPage().routes()); // before /referrals/{id}/{move}
        all.addAll(new org.sectorcrm.examples.web.referrals.ReleasePages().routes()); // before /referrals/{id}/{move} too
        all.addAll(new org.sectorcrm.examples.web.referrals.ReferralPages().routes());
        all.addAll(new org.sectorcrm.examples.web.needs.NeedPages().routes());
        all.addAll(new org.sectorcrm.examples.web.needs.SolutionPages().routes());
        all.addAll(new org.sectorcrm.examples.web.partnerships.PartnershipPages().routes()); // /partnerships/new before /partnerships/{id}
        all.addAll(new org.sectorcrm.examples.web.appointments.CalendarFeedPages(accounts).routes()); // before /appointments/{id}
        all.addAll(new org.sectorcrm.examples.web.appointments.AppointmentForm().routes());
        all.addAll(new org.sectorcrm.examples.web.appointments.AppointmentPages().routes());
        all.add(WebRoute.get("/employers/{id}", new org.sectorcrm.examples.web.employers.EmployerPage()::show));
        all.addAll(new org.sectorcrm.examples.web.dashboard.DashboardPage().routes());
        all.addAll(new org.sectorcrm.examples.web.reports.EsePages().routes());
        all.addAll(new org.sectorcrm.examples.web.admin.AdminPages(accounts).routes());
        all.addAll(new org.sectorcrm.examples.web.transfer.TransferPages(accounts).routes());
        all.addAll(new org.sectorcrm.examples.web.dedupe.DedupePages().routes());
        return all;
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    private void asset(Context ctx) throws IOException {
        securityHeaders(ctx);
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        InputStream in = type == null ? null : WebUi.class.getResourceAsStream("static/" + file);
        if (in == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file");
            return;
        }
        try (in) {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private Handler open(Handler h) {
        return ctx -> {
            securityHeaders(ctx);
            ctx.header("Cache-Control", "no-store");
            if (ctx.method() == io.javalin.http.HandlerType.POST && !sameOrigin(ctx)) {
                error(ctx, null, 403, "Refused", "This form was sent from another site.", List.of());
                return;
            }
            if (ctx.isMultipartFormData() && (ctx.contentLength() < 0 || ctx.contentLength() > MAX_UPLOAD_BYTES)) {
                // refused from the headers, before the CSRF check parses the body to the disk: an upload has a known, bounded size
                error(ctx, null, 413, "Too large", "A file sent here may have at most " + MAX_UPLOAD_BYTES / 1_000_000 + " MB.", List.of());
                return;
            }
            h.handle(ctx);
        };
    }

    private Handler signedIn(PageHandler page) {
        return open(ctx -> {
            Optional<String> sid = sessionId(ctx);
            // as the API's Authentication: the session opens only the staff user record it was issued to
            Optional<StaffUserId> user = sid.flatMap(accounts::session).flatMap(holder -> crm.storage()
                    .read(tx -> tx.staffUsers().find(holder.user())).filter(holder::opens).map(u -> u.id()));
            CrmSession session = null;
            if (user.isPresent()) {
                try {
                    session = crm.as(user.get());
                } catch (AccessDeniedException e) {
                    session = null; // disabled since: the session opens nothing
                }
            }
            if (session == null) {
                if (ctx.method() == io.javalin.http.HandlerType.GET) {
                    String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                    ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8),
                            io.javalin.http.HttpStatus.SEE_OTHER);
                } else {
                    error(ctx, null, 401, "Signed out", "Your session has ended. Sign in again, then repeat what you were doing.", List.of());
                }
                return;
            }
            ctx.attribute(org.sectorcrm.examples.web.attachments.AttachmentBox.ATTRIBUTE, attachments);
            String csrf = Csrf.forSession(sid.get());
            WebRequest request = new WebRequest(ctx, session, csrf, templates);
            String sent;
            try {
                sent = ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam(Csrf.FIELD) : null;
            } catch (Exception e) {
                // Jetty stops reading a multipart form whose file is over the attachment limit (or that is malformed)
                LOG.log(System.Logger.Level.INFO, "form not read: " + e.getMessage());
                boolean tooLarge = attachments != null && ctx.req().getContentLengthLong() > attachments.settings().maxBytes();
                error(ctx, request, tooLarge ? 413 : 400, "Not saved", tooLarge ? "The file is larger than this server accepts ("
                        + attachments.settings().maxBytes() + " bytes). Nothing was attached." : "The form could not be read. Nothing was saved.",
                        List.of());
                return;
            }
            if (ctx.method() == io.javalin.http.HandlerType.POST && !Csrf.same(csrf, sent)) {
                error(ctx, request, 403, "Refused", "This form has expired or did not come from SectorCRM. Reload the page and try again.", List.of());
                return;
            }
            try {
                page.handle(request);
            } catch (ValidationException e) {
                error(ctx, request, 400, "Not saved", "Nothing was saved: " + e.getMessage(),
                        e.violations().stream().map(v -> v.field() + ": " + v.message()).toList());
            } catch (NotFoundException e) {
                error(ctx, request, 404, "Not found", e.getMessage(), List.of());
            } catch (AccessDeniedException e) {
                error(ctx, request, 403, "Not allowed", e.getMessage(), List.of());
            } catch (ConflictException e) {
                error(ctx, request, 409, "Changed meanwhile", e.getMessage() + ". Nothing was saved: go back, reload the page and try again.", List.of());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "web page failed: " + ctx.method() + " " + ctx.path(), e);
                error(ctx, request, 500, "Something went wrong", "The server failed; the log has the details. Nothing you can do here will fix it.",
                        List.of());
            }
        });
    }

    private void error(Context ctx, WebRequest request, int status, String title, String message, List<String> details) {
        Map<String, Object> params = Map.of("heading", title, "message", message, "details", details);
        if (request != null) {
            request.render(status, "error.jte", title, null, params);
        } else {
            java.util.Map<String, Object> all = new java.util.HashMap<>(params);
            all.put("frame", Frame.signedOut(title, null, null));
            ctx.status(status).html(templates.render("error.jte", all));
        }
    }

    static Optional<String> sessionId(Context ctx) {
        String sid = ctx.cookie(ApiServer.SESSION_COOKIE);
        return sid == null || sid.isBlank() ? Optional.empty() : Optional.of(sid);
    }

    /**
     * A POST whose Origin (sent by every current browser on a form post) names another site is refused before its
     * CSRF token is even looked at; the cookies are SameSite=Strict as well.
     */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
