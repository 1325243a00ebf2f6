package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Handler;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.accounts.Accounts;

/**
 * The REST API under {@code /api/v1}: every route is declared once, in a {@link RouteGroup} registered in
 * {@link #declareRoutes()}, registered with Javalin from that list and described in {@code /api/v1/openapi.json} from
 * the same list. The records' own routes come from their descriptors ({@link RecordRoutes}); beside them are
 * authentication ({@link AuthRoutes}, {@link Authentication}), the lifecycle moves ({@link LifecycleRoutes}),
 * scheduling and calendars ({@link SchedulingRoutes}), reports and the audit trail ({@link AuditRoutes}). Every
 * request that is not {@link Route#open() open} runs as the staff user of its credential through {@link Crm#as}, so
 * the access and visibility rules of crm-core apply unchanged; errors are problem+json ({@link Problems}); every
 * response carries the {@link SecurityHeaders}.
 */
public final class ApiServer implements AutoCloseable {
    public static final String BASE = "/api/v1";
    public static final String SESSION_COOKIE = Authentication.SESSION_COOKIE;
    /** The host name in calendar event UIDs when none is configured. */
    public static final String DEFAULT_UID_DOMAIN = "sectorcrm";

    private final Crm crm;
    private final Accounts accounts;
    private final String uidDomain;
    private final SecurityHeaders headers;
    private final Authentication auth;
    private final List<Route> routes = new ArrayList<>();
    private Javalin app;
    /** The OpenAPI document once built ({@link #openApiDocument}); never changed after, so answers may share it. */
    private volatile ObjectNode document;
    private org.sectorcrm.examples.attachments.Attachments attachments;

    public ApiServer(Crm crm, Accounts accounts) {
        this(crm, accounts, DEFAULT_UID_DOMAIN);
    }

    /** @param uidDomain the host name after the {@code @} of calendar event UIDs (the server's public host name) */
    public ApiServer(Crm crm, Accounts accounts, String uidDomain) {
        this(crm, accounts, uidDomain, new SecurityHeaders(false));
    }

    /** @param headers the response headers and cookie attributes (whether a TLS proxy's X-Forwarded-Proto is trusted) */
    public ApiServer(Crm crm, Accounts accounts, String uidDomain, SecurityHeaders headers) {
        this.crm = crm;
        this.accounts = accounts;
        this.uidDomain = uidDomain;
        this.headers = headers;
        this.auth = new Authentication(crm, accounts, headers);
        declareRoutes();
    }

    /** Every endpoint, in declaration order (the order of the OpenAPI document). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The headers and cookie attributes every response gets (for pages served next to the API). */
    public SecurityHeaders securityHeaders() {
        return headers;
    }

    /** Who requests run as (for pages served next to the API). */
    public Authentication authentication() {
        return auth;
    }

    /** Adds a group's routes under {@link #BASE}, after those declared so far; only before {@link #start}. */
    public ApiServer register(RouteGroup group) {
        if (app != null) {
            throw new IllegalStateException("routes are registered before the server starts");
        }
        for (Route r : group.routes()) {
            routes.add(r.under(BASE));
        }
        return this;
    }

    /** Offers file attachments (API routes and the web UI's upload forms) with this content store; only before {@link #start}. */
    public ApiServer attachments(org.sectorcrm.examples.attachments.Attachments store) {
        register(new AttachmentRoutes(store));
        this.attachments = store;
        return this;
    }

    public ApiServer start(String host, int port) {
        // Javalin answers with the first route that matches: /appointments/{id}.ics must come before /appointments/{id}.
        List<Route> registration = new ArrayList<>(routes);
        registration.sort(Comparator.comparing(r -> !r.hasSuffixedParameter()));
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            // A web form's file part above 64 KiB waits in a temporary file, never in memory (attachments)
            config.jetty.multipartConfig.maxInMemoryFileSize(64, io.javalin.config.SizeUnit.KB);
            if (attachments != null) { // ... and one over the limit stops being read (the web UI answers 413)
                config.jetty.multipartConfig.maxFileSize(attachments.settings().maxBytes() + 1, io.javalin.config.SizeUnit.BYTES);
                config.jetty.multipartConfig.maxTotalRequestSize(attachments.settings().maxBytes() + 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
            }
            config.routes.before(ctx -> {
                headers.common(ctx);
                if (ctx.path().startsWith(BASE + "/")) {
                    headers.noStore(ctx);
                }
            });
            HttpProblems.install(config); // Jetty's and Javalin's own error answers as problem+json too
            for (Route r : registration) {
                config.routes.addHttpHandler(r.method(), r.path(), wrap(r));
            }
            new org.sectorcrm.examples.web.WebUi(crm, accounts, headers).attachments(attachments).register(config.routes); // the web UI: its pages, sign-in, assets
            config.routes.exception(Exception.class, Problems::of);
            config.routes.error(404, ctx -> {
                String ct = ctx.res().getContentType();
                // a 404 of our own already has its problem; a web page's 404 is its own HTML page
                if (!Problems.written(ctx) && !(ct != null && ct.startsWith("text/html"))) {
                    Problems.write(ctx, 404, "Not Found", "no endpoint " + ctx.method() + " " + ctx.path(), List.of());
                }
            });
            config.routes.error(405, ctx -> Problems.write(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of()));
        });
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    // ---------------------------------------------------------------- route table

    /** The route table: one line per group, in the order of the OpenAPI document. */
    private void declareRoutes() {
        register(() -> List.of(Route.get("/openapi.json").tag("meta").id("openApi", "This OpenAPI 3.1 document").returns(ObjectNode.class).open()
                .handle(ctx -> Http.send(ctx, 200, openApiDocument()))));
        register(new AuthRoutes(auth, accounts));
        RecordRoutes records = new RecordRoutes(crm, credentialsEndWithTheirUser());
        register(records::all);
        register(new LifecycleRoutes());
        register(new SchedulingRoutes(crm, accounts, auth, uidDomain));
        register(new MessageRoutes());
        register(new ReleaseRoutes());
        register(() -> List.of(records.searchEverything()));
        register(new AuditRoutes(crm.clock()));
        register(new ReportRoutes(crm.clock()));
        register(new NetworkReportRoutes(crm.clock()));
        register(new DedupeRoutes());
    }

    /**
     * The OpenAPI document, built once: the routes are fixed once the server has started, and building it walks every
     * Java type the API reads and writes, too much work to repeat on each request. The text is kept; each answer writes it.
     */
    private ObjectNode openApiDocument() {
        ObjectNode doc = document;
        if (doc == null) {
            synchronized (this) {
                if (document == null) {
                    document = OpenApi.document(routes);
                }
                doc = document;
            }
        }
        return doc;
    }

    /** Disabling or deleting a staff user ends their sessions and tokens now, so re-enabling later does not bring the old ones back. */
    private RecordRoutes.Writes credentialsEndWithTheirUser() {
        return new RecordRoutes.Writes() {
            @Override
            public void saved(Object record) {
                if (record instanceof StaffUser u && !u.active()) {
                    accounts.revokeAll(u.id());
                }
            }

            @Override
            public void deleted(AggregateType<?, ?, ?> type, Id id) {
                if (type == AggregateTypes.STAFF_USER) {
                    accounts.revokeAll((StaffUserId) id);
                }
            }
        };
    }

    private Handler wrap(Route r) {
        return ctx -> {
            if (!r.open()) {
                ctx.attribute(Http.SESSION_ATTR, auth.authenticate(ctx));
            }
            RouteRules.check(ctx, r); // declared query parameters and body type only, for every route alike
            r.handler().handle(ctx);
        };
    }
}
