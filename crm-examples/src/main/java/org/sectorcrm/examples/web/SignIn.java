package org.sectorcrm.examples.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.server.ApiServer;

/**
 * Sign-in and its form: the same checks as {@code POST /api/v1/session} (the account's password in {@link Accounts},
 * throttling after repeated failures, a disabled account answered like a wrong password) and the same session
 * cookie, so a browser signed in here is signed in to the API and the other way round.
 */
final class SignIn {
    private final Crm crm;
    private final Accounts accounts;
    private final Templates templates;

    private final java.util.function.Function<io.javalin.http.Context, String> clientAddress;

    SignIn(Crm crm, Accounts accounts, Templates templates, java.util.function.Function<io.javalin.http.Context, String> clientAddress) {
        this.clientAddress = clientAddress;
        this.crm = crm;
        this.accounts = accounts;
        this.templates = templates;
    }

    void form(Context ctx) {
        if (WebUi.sessionId(ctx).flatMap(accounts::session).isPresent() && ctx.queryParam("signedOut") == null) {
            ctx.redirect(safeNext(ctx.queryParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, null, null, ctx.queryParam("signedOut") != null ? "You are signed out." : null);
    }

    void submit(Context ctx) {
        String cookie = ctx.cookie(Csrf.LOGIN_COOKIE);
        if (!Csrf.same(cookie, ctx.formParam(Csrf.FIELD))) {
            show(ctx, 403, ctx.formParam("email"), "The sign-in form had expired. Please sign in again.", null);
            return;
        }
        String email = strip(ctx.formParam("email"));
        String password = ctx.formParam("password");
        if (email == null || password == null || password.isEmpty()) {
            show(ctx, 400, email, (email == null ? "Enter your e-mail address. " : "") + (password == null || password.isEmpty()
                    ? "Enter your password." : ""), null);
            return;
        }
        Optional<StaffUserId> user;
        try {
            user = accounts.login(email, userByEmail(email), password.toCharArray(), clientAddress.apply(ctx)); // the API's throttle
        } catch (Accounts.ThrottledException e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            show(ctx, 429, email, "Too many failed sign-ins for this account: " + e.getMessage() + ".", null);
            return;
        }
        boolean active = user.isPresent();
        if (active) {
            try {
                crm.as(user.get());
            } catch (AccessDeniedException e) {
                active = false; // disabled: the same answer as a wrong password
            }
        }
        if (!active) {
            show(ctx, 401, email, "Wrong e-mail or password.", null);
            return;
        }
        // the session is bound to this staff user record (id and creation), as the API's are: a re-created id opens nothing
        StaffUserId id = user.get();
        org.sectorcrm.core.reference.StaffUser record = crm.storage().read(tx -> tx.staffUsers().find(id)).orElseThrow();
        String sid = accounts.startSession(new Accounts.Holder(record.id(), record.stamp().createdAt()));
        ctx.res().addHeader("Set-Cookie", ApiServer.SESSION_COOKIE + "=" + sid + "; Path=/; Max-Age=" + Accounts.SESSION_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Csrf.LOGIN_COOKIE + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect(safeNext(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String email, String error, String flash) {
        String token = Csrf.random();
        ctx.res().addHeader("Set-Cookie", Csrf.LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict");
        Map<String, Object> params = new HashMap<>();
        params.put("frame", Frame.signedOut("Sign in", token, flash));
        params.put("email", email);
        params.put("error", error);
        params.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        ctx.status(status).html(templates.render("login.jte", params));
    }

    /** Only a path on this server: {@code next=https://evil.example} or {@code //evil.example} would make an open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The staff user with this e-mail now (as the API's login finds them: e-mails change). */
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
}
