package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.http.Context;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;

/**
 * Who a request runs as: a session cookie from {@code POST /api/v1/session} or {@code Authorization: Bearer <token>}.
 * Either names a staff user, and the request then runs through {@link Crm#as}, so a disabled or removed user's
 * credential opens nothing even before it is revoked. A 401 carries {@code WWW-Authenticate} ({@link #CHALLENGE}).
 */
public final class Authentication {
    public static final String SESSION_COOKIE = "sectorcrm_session";
    /** The challenge of every 401: a bearer token (RFC 6750); the cookie is for browsers, which do not read this header. */
    public static final String CHALLENGE = "Bearer realm=\"sectorcrm\"";

    private final Crm crm;
    private final Accounts accounts;
    private final SecurityHeaders headers;

    public Authentication(Crm crm, Accounts accounts, SecurityHeaders headers) {
        this.crm = crm;
        this.accounts = accounts;
        this.headers = headers;
    }

    /** The session of the request's credential; a 401 problem without a valid one. */
    public CrmSession authenticate(Context ctx) {
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
            throw new ApiException(401, "Unauthorized", "log in (POST " + ApiServer.BASE + "/session) or send 'Authorization: Bearer <token>'");
        }
        try {
            return crm.as(user.get());
        } catch (AccessDeniedException e) {
            // a disabled or removed staff user: the credential no longer opens anything
            throw new ApiException(401, "Unauthorized", e.getMessage());
        }
    }

    /** Whether the request authenticated with a bearer token (which a password change revokes) rather than its cookie. */
    public static boolean byToken(Context ctx) {
        return ctx.header("Authorization") != null;
    }

    /** {@code POST /session}: checks e-mail and password (throttled, see {@link Accounts#login}) and sets the cookie. */
    void login(Context ctx) throws JsonProcessingException {
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
            throw throttled(ctx, e);
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
        ctx.header("Set-Cookie", headers.cookie(ctx, SESSION_COOKIE, sid, Accounts.SESSION_LIFETIME));
        var a = s.actor();
        Http.send(ctx, 200, new Bodies.LoggedIn(a.user().asString(), a.partner().asString(), a.role().name(), a.name()));
    }

    /** {@code DELETE /session}: ends the cookie's session and deletes the cookie. */
    void logout(Context ctx) {
        accounts.endSession(ctx.cookie(SESSION_COOKIE));
        ctx.header("Set-Cookie", headers.clearedCookie(ctx, SESSION_COOKIE));
        ctx.status(204);
    }

    /** The 429 answer of a throttled credential check, with Retry-After. */
    static ApiException throttled(Context ctx, Accounts.ThrottledException e) {
        ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return new ApiException(429, "Too Many Requests", e.getMessage());
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
}
