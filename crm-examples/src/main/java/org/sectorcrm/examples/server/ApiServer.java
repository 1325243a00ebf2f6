package org.sectorcrm.examples.server;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.reports.Reports;

/**
 * The REST API under {@code /api/v1}: every route is declared once in {@link #routes()}, registered with Javalin
 * from that list and described in {@code /api/v1/openapi.json} from the same list. Authentication is a session
 * cookie from {@code POST /api/v1/session} or {@code Authorization: Bearer <token>}; every request then runs as
 * that staff user through {@link Crm#as}, so the access and visibility rules of crm-core apply unchanged.
 */
public final class ApiServer implements AutoCloseable {
    public static final String BASE = "/api/v1";
    public static final String SESSION_COOKIE = "sectorcrm_session";
    private static final String SESSION_ATTR = "crm.session";
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final Crm crm;
    private final Accounts accounts;
    private final ObjectMapper json = ApiJson.mapper();
    private final List<Route> routes = new ArrayList<>();
    private Javalin app;

    public ApiServer(Crm crm, Accounts accounts) {
        this.crm = crm;
        this.accounts = accounts;
        declareRoutes();
    }

    /** Every endpoint, in registration order. */
    private static final String INDEX = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>SectorCRM</title></head>
            <body>
            <h1>SectorCRM</h1>
            <p>This server answers the SectorCRM REST API under <a href="/api/v1/openapi.json"><code>/api/v1</code></a>
            (the link is its OpenAPI 3.1 document). Log in with <code>POST /api/v1/session</code>, then issue an API token
            with <code>POST /api/v1/tokens</code>; <code>docs/server.md</code> shows the whole flow with curl.</p>
            </body></html>
            """;

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ApiServer start(String host, int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            for (Route r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), wrap(r));
            }
            // The URL the server prints must answer: until the web pages exist, a page that says where the API is.
            config.routes.addHttpHandler(HandlerType.GET, "/", ctx -> ctx.html(INDEX));
            config.routes.exception(Exception.class, (e, ctx) -> problemFor(e, ctx));
            config.routes.error(404, ctx -> {
                String ct = ctx.res().getContentType();
                if (ct == null || !ct.startsWith("application/problem+json")) { // a 404 of our own already has its problem
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

    private void declareRoutes() {
        route(HandlerType.GET, "/openapi.json", "meta", "openApi", "This OpenAPI 3.1 document", null, ObjectNode.class, false, List.of(), false, true, 200,
                ctx -> send(ctx, 200, OpenApi.document(routes)));
        route(HandlerType.POST, "/session", "auth", "login", "Log in with e-mail and password: sets the session cookie", Bodies.Login.class,
                Bodies.LoggedIn.class, false, List.of(), false, true, 200, this::login);
        route(HandlerType.DELETE, "/session", "auth", "logout", "Log out: ends the session", null, null, false, List.of(), false, false, 204, ctx -> {
            accounts.endSession(ctx.cookie(SESSION_COOKIE));
            ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.status(204);
        });
        route(HandlerType.GET, "/me", "auth", "me", "The staff user this request runs as", null, org.sectorcrm.core.Actor.class, false, List.of(), false, false, 200,
                ctx -> send(ctx, 200, session(ctx).actor()));
        route(HandlerType.POST, "/tokens", "auth", "issueToken", "Issue an API token for the current user (shown once)", Bodies.NewToken.class,
                Bodies.IssuedToken.class, false, List.of(), false, false, 201, ctx -> {
                    Bodies.NewToken body = body(ctx, Bodies.NewToken.class);
                    String token = accounts.issueToken(session(ctx).actor().user(), body.name());
                    send(ctx, 201, new Bodies.IssuedToken(token, body.name(), "store it now: it is not shown again"));
                });
        // Only one's own password, and only with the current one: an admin who could set someone else's could log in as
        // them and read their PRIVATE notes and their partner's PARTNER notes, which no role may. Resetting someone
        // else's password is for the machine's operator (`users set-password`), who holds the database file anyway.
        route(HandlerType.PUT, "/staff-users/{id}/password", "reference", "changePassword",
                "Change your own password (send currentPassword and password); ends your other sessions and revokes your API tokens."
                        + " Nobody, not even an ADMIN, may set another user's password here: the operator does with 'users set-password'",
                Bodies.NewPassword.class, null, false, List.of(), false, false, 204, ctx -> {
                    CrmSession s = session(ctx);
                    StaffUserId id = StaffUserId.of(ctx.pathParam("id"));
                    if (!s.actor().user().equals(id)) {
                        throw new AccessDeniedException("a password can only be changed by its own user; an operator resets others with"
                                + " 'sectorcrm users set-password'");
                    }
                    Bodies.NewPassword body = body(ctx, Bodies.NewPassword.class);
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
                });

        crud("/employers", "employers", Employer.class, Employer.class, EmployerFilter.class, EmployerFilter.ALL, EmployerId::of,
                CrmSession::employers, Aggregate::version);
        crud("/contacts", "contacts", Contact.class, ContactView.class, ContactFilter.class, ContactFilter.ALL, ContactId::of,
                CrmSession::contacts, v -> v.contact().version());
        crud("/engagements", "engagements", Engagement.class, Engagement.class, EngagementFilter.class, EngagementFilter.ALL, EngagementId::of,
                CrmSession::engagements, Aggregate::version);
        action("/engagements", "engagements", "addNote", "Add a note written now by the current user", Bodies.NewNote.class, Engagement.class,
                "notes", (s, id, v, ctx) -> {
                    Bodies.NewNote b = body(ctx, Bodies.NewNote.class);
                    return s.engagements().addNote(EngagementId.of(id), v, b.visibility(), b.text());
                });
        crud("/needs", "needs", BusinessNeed.class, BusinessNeed.class, NeedFilter.class, NeedFilter.ALL, NeedId::of,
                CrmSession::needs, Aggregate::version);
        action("/needs", "needs", "moveNeed", "Move the need along its lifecycle", Bodies.NeedMove.class, BusinessNeed.class, "status",
                (s, id, v, ctx) -> {
                    Bodies.NeedMove b = body(ctx, Bodies.NeedMove.class);
                    return s.needs().moveTo(NeedId.of(id), v, b.status(), b.on());
                });
        crud("/solutions", "solutions", Solution.class, Solution.class, SolutionFilter.class, SolutionFilter.ALL, SolutionId::of,
                CrmSession::solutions, Aggregate::version);
        action("/solutions", "solutions", "moveSolution", "Move the solution along its lifecycle", Bodies.SolutionMove.class, Solution.class, "status",
                (s, id, v, ctx) -> s.solutions().moveTo(SolutionId.of(id), v, body(ctx, Bodies.SolutionMove.class).status()));
        crud("/partnerships", "partnerships", SectorPartnership.class, SectorPartnership.class, PartnershipFilter.class, PartnershipFilter.ALL,
                PartnershipId::of, CrmSession::partnerships, Aggregate::version);
        action("/partnerships", "partnerships", "advancePartnership", "Move one stage along the playbook, or to DORMANT", Bodies.StageMove.class,
                SectorPartnership.class, "stage",
                (s, id, v, ctx) -> s.partnerships().advanceTo(PartnershipId.of(id), v, body(ctx, Bodies.StageMove.class).stage()));
        crud("/referrals", "referrals", Referral.class, Referral.class, ReferralFilter.class, ReferralFilter.ALL, ReferralId::of,
                CrmSession::referrals, Aggregate::version);
        action("/referrals", "referrals", "acceptReferral", "Accept (receiving partner)", null, Referral.class, "accept",
                (s, id, v, ctx) -> s.referrals().accept(ReferralId.of(id), v));
        action("/referrals", "referrals", "declineReferral", "Decline with a reason (receiving partner)", Bodies.Reason.class, Referral.class, "decline",
                (s, id, v, ctx) -> s.referrals().decline(ReferralId.of(id), v, body(ctx, Bodies.Reason.class).reason()));
        action("/referrals", "referrals", "startReferral", "Start work (receiving partner)", null, Referral.class, "start",
                (s, id, v, ctx) -> s.referrals().start(ReferralId.of(id), v));
        action("/referrals", "referrals", "completeReferral", "Complete with an outcome", Bodies.Outcome.class, Referral.class, "complete",
                (s, id, v, ctx) -> s.referrals().complete(ReferralId.of(id), v, body(ctx, Bodies.Outcome.class).outcome()));
        action("/referrals", "referrals", "cancelReferral", "Cancel (sending partner)", null, Referral.class, "cancel",
                (s, id, v, ctx) -> s.referrals().cancel(ReferralId.of(id), v));
        action("/referrals", "referrals", "followUpReferral", "Log a follow-up", Bodies.Text.class, Referral.class, "follow-ups",
                (s, id, v, ctx) -> s.referrals().followUp(ReferralId.of(id), v, body(ctx, Bodies.Text.class).text()));
        crud("/outcomes", "outcomes", OutcomeMeasure.class, OutcomeMeasure.class, OutcomeFilter.class, OutcomeFilter.ALL, OutcomeId::of,
                CrmSession::outcomes, Aggregate::version);
        action("/outcomes", "outcomes", "observeOutcome", "Record a later observation", Observation.class, OutcomeMeasure.class, "observations",
                (s, id, v, ctx) -> s.outcomes().observe(OutcomeId.of(id), v, body(ctx, Observation.class)));
        crud("/feedback", "feedback", Feedback.class, Feedback.class, FeedbackFilter.class, FeedbackFilter.ALL, FeedbackId::of,
                CrmSession::feedback, Aggregate::version);
        crud("/regions", "reference", Region.class, Region.class, RegionFilter.class, RegionFilter.ALL, RegionCode::new,
                s -> s.reference().regions(), Aggregate::version);
        crud("/sectors", "reference", Sector.class, Sector.class, SectorFilter.class, SectorFilter.ALL, SectorCode::new,
                s -> s.reference().sectors(), Aggregate::version);
        crud("/partners", "reference", Partner.class, Partner.class, PartnerFilter.class, PartnerFilter.ALL, PartnerId::of,
                s -> s.reference().partners(), Aggregate::version);
        crud("/staff-users", "reference", StaffUser.class, StaffUser.class, StaffUserFilter.class, StaffUserFilter.ALL, StaffUserId::of,
                s -> s.reference().staffUsers(), Aggregate::version);

        route(HandlerType.GET, "/search", "search", "search", "Employers, contacts and engagements matching every word of q (3+ letters each)",
                null, Bodies.SearchResults.class, false, List.of(new Route.Param("q", String.class, true)), false, false, 200, ctx -> {
                    CrmSession s = session(ctx);
                    String q = ctx.queryParam("q");
                    if (q == null) {
                        throw ValidationException.of("search", "q", "is required");
                    }
                    PageRequest first = PageRequest.first(20);
                    send(ctx, 200, new Bodies.SearchResults(s.employers().search(q, first).items(), s.contacts().search(q, first).items(),
                            s.engagements().search(q, first).items()));
                });
        route(HandlerType.GET, "/reports/employers-by-region-sector", "reports", "reportEmployersByRegionSector",
                "Employers per region and sector, counted by the database", null, Reports.EmployersByRegionSector.class, false,
                List.of(new Route.Param("status", EmployerStatus.class, false)), false, false, 200, ctx -> {
                    Bodies.StatusQuery q = filter(ctx, Bodies.StatusQuery.class, new Bodies.StatusQuery(null));
                    send(ctx, 200, Reports.employersByRegionSector(session(ctx), q.status()));
                });
        route(HandlerType.GET, "/reports/overdue-referrals", "reports", "reportOverdueReferrals",
                "Referrals sent and not answered after their response due date, as of 'on' (default: today, UTC)", null,
                Reports.OverdueReferrals.class, false, List.of(new Route.Param("on", LocalDate.class, false)), false, false, 200, ctx -> {
                    Bodies.OnQuery q = filter(ctx, Bodies.OnQuery.class, new Bodies.OnQuery(null));
                    send(ctx, 200, Reports.overdueReferrals(session(ctx), q.on() != null ? q.on() : LocalDate.now(crm.clock())));
                });
        route(HandlerType.GET, "/audit", "audit", "listAudit", "The audit trail (MANAGER and above)", null, AuditEntry.class, true,
                OpenApi.filterParams(AuditFilter.class), false, false, 200, ctx -> {
                    AuditFilter filter = filter(ctx, AuditFilter.class, AuditFilter.ALL);
                    sendPage(ctx, session(ctx).audit().query(filter, page(ctx)));
                });
    }

    private void route(HandlerType method, String path, String tag, String operationId, String summary, Class<?> requestBody, Class<?> response,
            boolean paged, List<Route.Param> query, boolean ifMatch, boolean open, int status, Handler handler) {
        routes.add(new Route(method, BASE + path, tag, operationId, summary, requestBody, response, paged, query, ifMatch, open, status, handler));
    }

    @FunctionalInterface
    private interface Action<R> {
        R apply(CrmSession session, String id, long expectedVersion, Context ctx) throws Exception;
    }

    /** A lifecycle move: {@code POST path/{id}/verb} with {@code If-Match}. */
    private <R extends Aggregate<?>> void action(String path, String tag, String operationId, String summary, Class<?> body, Class<R> response,
            String verb, Action<R> action) {
        route(HandlerType.POST, path + "/{id}/" + verb, tag, operationId, summary, body, response, false, List.of(), true, false, 200, ctx -> {
            long expected = ifMatch(ctx);
            R result = preconditioned(() -> action.apply(session(ctx), ctx.pathParam("id"), expected, ctx));
            ctx.header("ETag", etag(result.version()));
            send(ctx, 200, result);
        });
    }

    private <I extends Id, T extends Aggregate<I>, F, V> void crud(String path, String tag, Class<T> type, Class<V> view, Class<F> filterType,
            F all, Function<String, I> parseId, Function<CrmSession, ? extends RecordOperations<I, T, F, V>> ops, ToLongFunction<V> versionOf) {
        String one = type.getSimpleName();
        route(HandlerType.GET, path, tag, "list" + one, "List " + tag + " in id order, filtered by the query parameters", null, view, true,
                OpenApi.filterParams(filterType), false, false, 200, ctx -> {
                    F filter = filter(ctx, filterType, all);
                    sendPage(ctx, ops.apply(session(ctx)).list(filter, page(ctx)));
                });
        route(HandlerType.POST, path, tag, "create" + one, "Create a " + one, type, view, false, List.of(), false, false, 201, ctx -> {
            ObjectNode tree = objectBody(ctx);
            tree.remove("stamp"); // the server stamps new records
            T draft = convert(tree, type);
            V created = ops.apply(session(ctx)).create(draft);
            ctx.header("ETag", etag(versionOf.applyAsLong(created)));
            Object id = idOf(created);
            ctx.header("Location", ctx.path() + "/" + id);
            send(ctx, 201, created);
        });
        route(HandlerType.GET, path + "/{id}", tag, "get" + one, "Read one " + one + " (ETag: its version)", null, view, false, List.of(), false, false,
                200, ctx -> {
                    V v = ops.apply(session(ctx)).get(parseId.apply(ctx.pathParam("id")));
                    ctx.header("ETag", etag(versionOf.applyAsLong(v)));
                    send(ctx, 200, v);
                });
        route(HandlerType.PUT, path + "/{id}", tag, "update" + one, "Replace a " + one + "; If-Match must carry the version read", type, view, false,
                List.of(), true, false, 200, ctx -> {
                    long expected = ifMatch(ctx);
                    I id = parseId.apply(ctx.pathParam("id"));
                    CrmSession s = session(ctx);
                    ObjectNode tree = objectBody(ctx);
                    tree.put("id", id.asString());
                    // Only the version counts on update (crm-core keeps the stored stamp); it comes from If-Match.
                    tree.set("stamp", json.valueToTree(new Stamp(Math.max(1, expected), Instant.EPOCH, Instant.EPOCH, s.actor().partner())));
                    T changed = convert(tree, type);
                    V saved = preconditioned(() -> ops.apply(s).update(changed));
                    if (saved instanceof StaffUser u && !u.active()) {
                        // disabled: end their sessions and tokens now, so re-enabling later does not bring the old ones back
                        accounts.revokeAll(u.id());
                    }
                    ctx.header("ETag", etag(versionOf.applyAsLong(saved)));
                    send(ctx, 200, saved);
                });
        route(HandlerType.DELETE, path + "/{id}", tag, "delete" + one, "Delete a " + one + "; If-Match must carry the version read", null, null, false,
                List.of(), true, false, 204, ctx -> {
                    long expected = ifMatch(ctx);
                    I id = parseId.apply(ctx.pathParam("id"));
                    CrmSession s = session(ctx);
                    preconditioned(() -> {
                        ops.apply(s).delete(id, expected);
                        return null;
                    });
                    ctx.status(204);
                });
    }

    private static Object idOf(Object v) {
        if (v instanceof ContactView cv) {
            return cv.contact().id().asString();
        }
        return ((Aggregate<?>) v).id().asString();
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
        Bodies.Login body = body(ctx, Bodies.Login.class);
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
        send(ctx, 200, new Bodies.LoggedIn(a.user().asString(), a.partner().asString(), a.role().name(), a.name()));
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

    private static CrmSession session(Context ctx) {
        CrmSession s = ctx.attribute(SESSION_ATTR);
        if (s == null) {
            throw new IllegalStateException("route registered as open but reads the session");
        }
        return s;
    }

    // ---------------------------------------------------------------- requests

    private PageRequest page(Context ctx) {
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
        return new PageRequest(after == null || after.isEmpty() ? null : after, n);
    }

    /** The filter record from the query parameters (besides after/limit): {@code ?status=ACTIVE&region=...}. */
    private static <F> F filter(Context ctx, Class<F> type, F all) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("after") && !k.equals("limit") && !v.isEmpty() && !v.get(0).isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        if (params.isEmpty()) {
            return all;
        }
        return ApiJson.query(params, type, "filter");
    }

    /** The body as a JSON object, read as strictly as every other input (duplicate keys, trailing content refused). */
    private static ObjectNode objectBody(Context ctx) {
        requireJson(ctx);
        JsonNode node = ApiJson.read(ctx.body(), JsonNode.class, "body");
        if (!node.isObject()) {
            throw ValidationException.of("body", "$", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static <B> B body(Context ctx, Class<B> type) {
        return convert(objectBody(ctx), type);
    }

    private static <B> B convert(ObjectNode tree, Class<B> type) {
        return ApiJson.read(ApiJson.text(tree), type, recordName(type));
    }

    /**
     * JSON bodies only, declared as such: a browser sends text/plain or form types from any page without a CORS
     * preflight, with the session cookie, so accepting those (or no type) would let a same-site page act for the user.
     */
    private static void requireJson(Context ctx) {
        String ct = ctx.header("Content-Type");
        String type = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "Unsupported Media Type", "send the body as application/json, not " + (ct == null ? "without a Content-Type" : ct));
        }
    }

    private static String recordName(Class<?> type) {
        String n = type.getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private static long ifMatch(Context ctx) {
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

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    @FunctionalInterface
    private interface Work<R> {
        R run() throws Exception;
    }

    /** A stale version behind If-Match answers 412 Precondition Failed (RFC 9110), not the generic 409. */
    private static <R> R preconditioned(Work<R> work) throws Exception {
        try {
            return work.run();
        } catch (ConflictException e) {
            if (e.currentVersion().isPresent()) {
                throw new ApiException(412, "Precondition Failed", e.getMessage() + "; reload (current ETag " + etag(e.currentVersion().getAsLong()) + ")");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- responses

    private void send(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(json.writeValueAsBytes(body));
    }

    private <X> void sendPage(Context ctx, Page<X> page) throws JsonProcessingException {
        send(ctx, 200, new Bodies.PageOf(page.items(), page.nextCursor()));
    }

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
            ctx.result(json.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + status + "}");
        }
    }
}
