package org.sectorcrm.examples.server;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.reports.Reports;

/**
 * The REST API under {@code /api/v1}: every route is declared once in {@link #routes()}, registered with Javalin
 * from that list and described in {@code /api/v1/openapi.json} from the same list. The records' own routes come from
 * their descriptors ({@link RecordRoutes}); what is written here by hand is authentication, the lifecycle moves of each
 * type, scheduling and calendars ({@link SchedulingRoutes}), reports and the audit trail. Authentication is a session cookie from
 * {@code POST /api/v1/session} or {@code Authorization: Bearer <token>}; every request then runs as that staff user
 * through {@link Crm#as}, so the access and visibility rules of crm-core apply unchanged.
 */
public final class ApiServer implements AutoCloseable {
    public static final String BASE = "/api/v1";
    public static final String SESSION_COOKIE = "sectorcrm_session";
    /** The host name in calendar event UIDs when none is configured. */
    public static final String DEFAULT_UID_DOMAIN = "sectorcrm";
    private static final String SESSION_ATTR = Http.SESSION_ATTR;
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final Crm crm;
    private final Accounts accounts;
    private final String uidDomain;
    private final List<Route> routes = new ArrayList<>();
    private Javalin app;

    public ApiServer(Crm crm, Accounts accounts) {
        this(crm, accounts, DEFAULT_UID_DOMAIN);
    }

    /** @param uidDomain the host name after the {@code @} of calendar event UIDs (the server's public host name) */
    public ApiServer(Crm crm, Accounts accounts, String uidDomain) {
        this.crm = crm;
        this.accounts = accounts;
        this.uidDomain = uidDomain;
        declareRoutes();
    }

    /** Every endpoint, in declaration order (the order of the OpenAPI document). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ApiServer start(String host, int port) {
        // Javalin answers with the first route that matches: /appointments/{id}.ics must come before /appointments/{id}.
        List<Route> registration = new ArrayList<>(routes);
        registration.sort(Comparator.comparing(r -> !r.hasSuffixedParameter()));
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            for (Route r : registration) {
                config.routes.addHttpHandler(r.method(), r.path(), wrap(r));
            }
            new org.sectorcrm.examples.web.WebUi(crm, accounts).register(config.routes); // the web UI: its pages, sign-in, assets
            config.routes.exception(Exception.class, (e, ctx) -> problemFor(e, ctx));
            config.routes.error(404, ctx -> {
                String ct = ctx.res().getContentType();
                // a 404 of our own already has its problem; a web page's 404 is its own HTML page
                if ((ct == null || !ct.startsWith("application/problem+json")) && !(ct != null && ct.startsWith("text/html"))) {
                    problem(ctx, 404, "Not Found", "no endpoint " + ctx.method() + " " + ctx.path(), List.of());
                }
            });
            config.routes.error(405, ctx -> problem(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of()));
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

    private void add(Route route) {
        routes.add(route.under(BASE));
    }

    private void declareRoutes() {
        add(Route.get("/openapi.json").tag("meta").id("openApi", "This OpenAPI 3.1 document").returns(ObjectNode.class).open()
                .handle(ctx -> Http.send(ctx, 200, OpenApi.document(routes))));
        authRoutes();
        RecordRoutes records = new RecordRoutes(crm, new RecordRoutes.Writes() {
            @Override
            public void saved(Object record) {
                if (record instanceof StaffUser u && !u.active()) {
                    // disabled: end their sessions and tokens now, so re-enabling later does not bring the old ones back
                    accounts.revokeAll(u.id());
                }
            }

            @Override
            public void deleted(AggregateType<?, ?, ?> type, Id id) {
                if (type == AggregateTypes.STAFF_USER) {
                    accounts.revokeAll((StaffUserId) id);
                }
            }
        });
        records.all().forEach(this::add);
        lifecycleRoutes();
        new SchedulingRoutes(crm, accounts, uidDomain).all().forEach(this::add);
        add(records.searchEverything());
        add(Route.get("/reports/employers-by-region-sector").tag("reports").id("reportEmployersByRegionSector",
                "Employers per region and sector, counted by the database").returns(Reports.EmployersByRegionSector.class)
                .query(List.of(new Route.Param("status", EmployerStatus.class, false))).handle(ctx -> {
                    Bodies.StatusQuery q = Http.filter(ctx, Bodies.StatusQuery.class, new Bodies.StatusQuery(null));
                    Http.send(ctx, 200, Reports.employersByRegionSector(Http.session(ctx), q.status()));
                }));
        add(Route.get("/reports/overdue-referrals").tag("reports").id("reportOverdueReferrals",
                "Referrals sent and not answered after their response due date, as of 'on' (default: today, UTC)")
                .returns(Reports.OverdueReferrals.class).query(List.of(new Route.Param("on", LocalDate.class, false))).handle(ctx -> {
                    Bodies.OnQuery q = Http.filter(ctx, Bodies.OnQuery.class, new Bodies.OnQuery(null));
                    Http.send(ctx, 200, Reports.overdueReferrals(Http.session(ctx), q.on() != null ? q.on() : LocalDate.now(crm.clock())));
                }));
        add(Route.get("/audit").tag("audit").id("listAudit", "The audit trail (MANAGER and above); a note's text shows in its record's history"
                + " to those who may read it, not here").pages(AuditEntry.class).query(OpenApi.filterParams(AuditFilter.class)).handle(ctx -> {
                    AuditFilter filter = Http.filter(ctx, AuditFilter.class, AuditFilter.ALL);
                    Http.sendPage(ctx, withoutNoteText(Http.session(ctx).audit().query(filter, Http.page(ctx))));
                }));
    }

    /**
     * The trail as a MANAGER may read it here. crm-core's {@code AuditOperations.query} returns the recorded values as
     * they are, and no role may read another author's PRIVATE note or another partner's PARTNER note, so every note's text
     * is hidden in this list; {@code GET /{plural}/{id}/history} shows it to exactly the note's readers.
     */
    private static Page<AuditEntry> withoutNoteText(Page<AuditEntry> page) {
        return page.map(e -> {
            if (e.changes().stream().noneMatch(ApiServer::isNote)) {
                return e;
            }
            List<FieldChange> shown = e.changes().stream().map(c -> isNote(c) ? c.hidden("[note text: see the record's history]") : c).toList();
            return new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail(),
                    shown);
        });
    }

    private static boolean isNote(FieldChange c) {
        return c.restriction() != null && !c.restriction().equals(FieldChange.PII);
    }

    private void authRoutes() {
        add(Route.post("/session").tag("auth").id("login", "Log in with e-mail and password: sets the session cookie").body(Bodies.Login.class)
                .returns(Bodies.LoggedIn.class).open().handle(this::login));
        add(Route.delete("/session").tag("auth").id("logout", "Log out: ends the session").handle(ctx -> {
            accounts.endSession(ctx.cookie(SESSION_COOKIE));
            ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.status(204);
        }));
        add(Route.get("/me").tag("auth").id("me", "The staff user this request runs as").returns(org.sectorcrm.core.Actor.class)
                .handle(ctx -> Http.send(ctx, 200, Http.session(ctx).actor())));
        add(Route.post("/tokens").tag("auth").id("issueToken", "Issue an API token for the current user (shown once)").body(Bodies.NewToken.class)
                .returns(Bodies.IssuedToken.class).status(201).handle(ctx -> {
                    Bodies.NewToken body = Http.body(ctx, Bodies.NewToken.class);
                    String token = accounts.issueToken(Http.session(ctx).actor().user(), body.name());
                    Http.send(ctx, 201, new Bodies.IssuedToken(token, body.name(), "store it now: it is not shown again"));
                }));
        // Only one's own password, and only with the current one: an admin who could set someone else's could log in as
        // them and read their PRIVATE notes and their partner's PARTNER notes, which no role may. Resetting someone
        // else's password is for the machine's operator (`users set-password`), who holds the database file anyway.
        add(Route.put("/staff-users/{id}/password").tag("staff-users").id("changePassword",
                "Change your own password (send currentPassword and password); ends your other sessions and revokes your API and calendar"
                        + " feed tokens. Nobody, not even an ADMIN, may set another user's password here: the operator does with 'users set-password'")
                .body(Bodies.NewPassword.class).status(204).handle(ctx -> {
                    CrmSession s = Http.session(ctx);
                    StaffUserId id = StaffUserId.of(ctx.pathParam("id"));
                    if (!s.actor().user().equals(id)) {
                        throw new AccessDeniedException("a password can only be changed by its own user; an operator resets others with"
                                + " 'sectorcrm users set-password'");
                    }
                    Bodies.NewPassword body = Http.body(ctx, Bodies.NewPassword.class);
                    List<FieldViolation> v = new ArrayList<>();
                    if (body.currentPassword() == null) {
                        v.add(new FieldViolation("credentials", "currentPassword", "is required"));
                    }
                    if (body.password() == null) {
                        v.add(new FieldViolation("credentials", "password", "is required"));
                    }
                    if (!v.isEmpty()) {
                        throw new ValidationException(v);
                    }
                    // a bearer token is revoked with the rest; only a cookie session survives its own change
                    String keep = ctx.header("Authorization") == null ? ctx.cookie(SESSION_COOKIE) : null;
                    if (!accounts.changeOwnPassword(id, body.currentPassword().toCharArray(), body.password().toCharArray(), keep)) {
                        throw new AccessDeniedException("the current password is wrong");
                    }
                    ctx.status(204);
                }));
    }

    /** The moves each type's lifecycle allows, beyond create/update/delete. */
    private void lifecycleRoutes() {
        add(RecordRoutes.action(AggregateTypes.ENGAGEMENT, "notes", "addNote", "Add a note written now by the current user", Bodies.NewNote.class,
                (s, id, v, ctx) -> {
                    Bodies.NewNote b = Http.body(ctx, Bodies.NewNote.class);
                    return s.engagements().addNote(AggregateTypes.ENGAGEMENT.parseId(id), v, b.visibility(), b.text());
                }));
        add(RecordRoutes.action(AggregateTypes.NEED, "status", "moveNeed", "Move the need along its lifecycle", Bodies.NeedMove.class,
                (s, id, v, ctx) -> {
                    Bodies.NeedMove b = Http.body(ctx, Bodies.NeedMove.class);
                    return s.needs().moveTo(AggregateTypes.NEED.parseId(id), v, b.status(), b.on());
                }));
        add(RecordRoutes.action(AggregateTypes.SOLUTION, "status", "moveSolution", "Move the solution along its lifecycle", Bodies.SolutionMove.class,
                (s, id, v, ctx) -> s.solutions().moveTo(AggregateTypes.SOLUTION.parseId(id), v, Http.body(ctx, Bodies.SolutionMove.class).status())));
        add(RecordRoutes.action(AggregateTypes.PARTNERSHIP, "stage", "advancePartnership", "Move one stage along the playbook, or to DORMANT",
                Bodies.StageMove.class,
                (s, id, v, ctx) -> s.partnerships().advanceTo(AggregateTypes.PARTNERSHIP.parseId(id), v, Http.body(ctx, Bodies.StageMove.class).stage())));
        var referral = AggregateTypes.REFERRAL;
        add(RecordRoutes.action(referral, "accept", "acceptReferral", "Accept (receiving partner)", null,
                (s, id, v, ctx) -> s.referrals().accept(referral.parseId(id), v)));
        add(RecordRoutes.action(referral, "decline", "declineReferral", "Decline with a reason (receiving partner)", Bodies.Reason.class,
                (s, id, v, ctx) -> s.referrals().decline(referral.parseId(id), v, Http.body(ctx, Bodies.Reason.class).reason())));
        add(RecordRoutes.action(referral, "start", "startReferral", "Start work (receiving partner)", null,
                (s, id, v, ctx) -> s.referrals().start(referral.parseId(id), v)));
        add(RecordRoutes.action(referral, "complete", "completeReferral", "Complete with an outcome", Bodies.Outcome.class,
                (s, id, v, ctx) -> s.referrals().complete(referral.parseId(id), v, Http.body(ctx, Bodies.Outcome.class).outcome())));
        add(RecordRoutes.action(referral, "cancel", "cancelReferral", "Cancel (sending partner)", null,
                (s, id, v, ctx) -> s.referrals().cancel(referral.parseId(id), v)));
        add(RecordRoutes.action(referral, "follow-ups", "followUpReferral", "Log a follow-up", Bodies.Text.class,
                (s, id, v, ctx) -> s.referrals().followUp(referral.parseId(id), v, Http.body(ctx, Bodies.Text.class).text())));
        add(RecordRoutes.action(AggregateTypes.OUTCOME, "observations", "observeOutcome", "Record a later observation", Observation.class,
                (s, id, v, ctx) -> s.outcomes().observe(AggregateTypes.OUTCOME.parseId(id), v, Http.body(ctx, Observation.class))));
    }

    // ---------------------------------------------------------------- authentication

    private Handler wrap(Route r) {
        return ctx -> {
            if (!r.open()) {
                ctx.attribute(SESSION_ATTR, authenticate(ctx));
            }
            r.handler().handle(ctx);
        };
    }

    private CrmSession authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<StaffUserId> user;
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "Unauthorized", "the Authorization header must be 'Bearer <token>'");
            }
            user = accounts.token(auth.substring(7).strip());
        } else {
            user = accounts.session(ctx.cookie(SESSION_COOKIE));
        }
        if (user.isEmpty()) {
            throw new ApiException(401, "Unauthorized", "log in (POST " + BASE + "/session) or send 'Authorization: Bearer <token>'");
        }
        try {
            return crm.as(user.get());
        } catch (AccessDeniedException e) {
            // a disabled or removed staff user: the credential no longer opens anything
            throw new ApiException(401, "Unauthorized", e.getMessage());
        }
    }

    private void login(Context ctx) throws JsonProcessingException {
        Bodies.Login body = Http.body(ctx, Bodies.Login.class);
        if (body.email() == null || body.password() == null) {
            List<FieldViolation> v = new ArrayList<>();
            if (body.email() == null) {
                v.add(new FieldViolation("login", "email", "is required"));
            }
            if (body.password() == null) {
                v.add(new FieldViolation("login", "password", "is required"));
            }
            throw new ValidationException(v);
        }
        Optional<StaffUserId> user;
        try {
            user = accounts.login(body.email(), userByEmail(body.email()), body.password().toCharArray());
        } catch (Accounts.ThrottledException e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            throw new ApiException(429, "Too Many Requests", e.getMessage());
        }
        if (user.isEmpty()) {
            throw new ApiException(401, "Unauthorized", "wrong e-mail or password");
        }
        CrmSession s;
        try {
            s = crm.as(user.get());
        } catch (AccessDeniedException e) {
            // a disabled account: the same answer as a wrong password, so the answer does not confirm the password
            throw new ApiException(401, "Unauthorized", "wrong e-mail or password");
        }
        String sid = accounts.startSession(user.get());
        // Secure is left to the TLS-terminating proxy; HttpOnly keeps scripts out, SameSite=Strict keeps other sites out.
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + sid + "; Path=/; Max-Age=" + Accounts.SESSION_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict");
        var a = s.actor();
        Http.send(ctx, 200, new Bodies.LoggedIn(a.user().asString(), a.partner().asString(), a.role().name(), a.name()));
    }

    /** The staff user with this e-mail now (not when their password was set: e-mails change). */
    private Optional<StaffUserId> userByEmail(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return crm.storage().read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(address), PageRequest.first(1))).items().stream()
                .findFirst().map(StaffUser::id);
    }

    // ---------------------------------------------------------------- responses

    private void problemFor(Exception e, Context ctx) {
        if (e instanceof ValidationException v) {
            problem(ctx, 400, "Bad Request", v.getMessage(),
                    v.violations().stream().map(f -> new Bodies.FieldError(f.path(), f.message())).toList());
        } else if (e instanceof ApiException a) {
            problem(ctx, a.status(), a.title(), a.getMessage(), List.of());
        } else if (e instanceof NotFoundException) {
            problem(ctx, 404, "Not Found", e.getMessage(), List.of());
        } else if (e instanceof ConflictException) {
            problem(ctx, 409, "Conflict", e.getMessage(), List.of());
        } else if (e instanceof AccessDeniedException) {
            problem(ctx, 403, "Forbidden", e.getMessage(), List.of());
        } else if (e instanceof HttpResponseException h) {
            problem(ctx, h.getStatus(), "HTTP " + h.getStatus(), h.getMessage(), List.of());
        } else {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            problem(ctx, 500, "Internal Server Error", "the server failed; the log has the details", List.of());
        }
    }

    private void problem(Context ctx, int status, String title, String detail, List<Bodies.FieldError> errors) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        p.put("instance", URI.create(ctx.path()).toString());
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        ctx.status(status);
        ctx.contentType("application/problem+json");
        try {
            ctx.result(ApiJson.mapper().writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + status + "}");
        }
    }
}
