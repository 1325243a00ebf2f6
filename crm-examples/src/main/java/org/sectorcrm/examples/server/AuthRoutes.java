package org.sectorcrm.examples.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Actor;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.accounts.ApiTokens;

/** Logging in and out, who one is, API tokens and one's own password. */
final class AuthRoutes implements RouteGroup {
    private final Authentication auth;
    private final Accounts accounts;

    AuthRoutes(Authentication auth, Accounts accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.post("/session").tag("auth").id("login", "Log in with e-mail and password: sets the session cookie").body(Bodies.Login.class)
                .returns(Bodies.LoggedIn.class).open().throttled().handle(auth::login));
        routes.add(Route.delete("/session").tag("auth").id("logout", "Log out: ends the session").handle(auth::logout));
        routes.add(Route.get("/me").tag("auth").id("me", "The staff user this request runs as").returns(Actor.class)
                .handle(ctx -> Http.send(ctx, 200, Http.session(ctx).actor())));
        routes.add(Route.post("/tokens").tag("auth").id("issueToken", "Issue an API token for the current user (shown once): a name, optionally"
                + " a lower role than yours (never a higher one than this request acts with) and an expiry").body(NewToken.class)
                .returns(IssuedToken.class).status(201).headers(Route.LOCATION).handle(ctx -> {
                    NewToken body = Http.body(ctx, NewToken.class);
                    CrmSession s = Http.session(ctx);
                    ApiTokens.Issued issued = accounts.tokens().issue(Authentication.holder(ctx), s.actor().role(), body.name(), body.role(),
                            body.expiresAt());
                    ctx.header("Location", ctx.path() + "/" + issued.info().id());
                    Http.send(ctx, 201, new IssuedToken(issued.token(), view(issued.info()), "store it now: it is not shown again"));
                }));
        routes.add(Route.get("/tokens").tag("auth").id("listTokens", "Your API tokens, oldest first (never their secrets)").returns(TokenList.class)
                .handle(ctx -> Http.send(ctx, 200, new TokenList(accounts.tokens().of(Http.session(ctx).actor().user()).stream()
                        .map(AuthRoutes::view).toList()))));
        routes.add(Route.delete("/tokens/{id}").tag("auth").id("revokeToken", "Revoke one of your API tokens: it stops working at once")
                .handle(ctx -> {
                    if (!accounts.tokens().revoke(Http.session(ctx).actor().user(), ctx.pathParam("id"))) {
                        throw new ApiException(404, "Not Found", "you have no API token " + ctx.pathParam("id"));
                    }
                    ctx.status(204);
                }));
        // Only one's own password, and only with the current one: an admin who could set someone else's could log in as
        // them and read their PRIVATE notes and their partner's PARTNER notes, which no role may. Resetting someone
        // else's password is for the machine's operator (`users set-password`), who holds the database file anyway.
        routes.add(Route.put("/staff-users/{id}/password").tag("staff-users").id("changePassword",
                "Change your own password (send currentPassword and password); ends your other sessions and revokes your API and calendar"
                        + " feed tokens. Nobody, not even an ADMIN, may set another user's password here: the operator does with 'users set-password'")
                .body(Bodies.NewPassword.class).status(204).throttled().handle(ctx -> {
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
                    String keep = Authentication.byToken(ctx) ? null : ctx.cookie(Authentication.SESSION_COOKIE);
                    String email = s.reference().staffUsers().get(id).email().value();
                    boolean changed;
                    try {
                        changed = accounts.changeOwnPassword(id, email, body.currentPassword().toCharArray(), body.password().toCharArray(), keep,
                                auth.clientAddress(ctx));
                    } catch (Accounts.ThrottledException e) {
                        throw Authentication.throttled(ctx, e);
                    }
                    if (!changed) {
                        throw new AccessDeniedException("the current password is wrong");
                    }
                    ctx.status(204);
                }));
        return routes;
    }

    private static TokenInfo view(ApiTokens.TokenInfo t) {
        return new TokenInfo(t.id(), t.name(), t.maxRole(), t.createdAt(), t.expiresAt());
    }

    /** {@code POST /tokens}: {@code role} (at most the caller's) and {@code expiresAt} are optional. */
    public record NewToken(String name, Role role, Instant expiresAt) {
    }

    /** A token as listed: {@code role} is the highest it acts with (null: its user's); {@code expiresAt} null: never. */
    public record TokenInfo(String id, String name, Role role, Instant createdAt, Instant expiresAt) {
    }

    public record IssuedToken(String token, TokenInfo info, String note) {
    }

    public record TokenList(List<TokenInfo> items) {
    }
}
