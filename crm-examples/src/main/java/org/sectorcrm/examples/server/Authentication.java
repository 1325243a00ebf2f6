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
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.accounts.ApiTokens;
import org.sectorcrm.examples.accounts.PasswordPolicy;

/**
 * Who a request runs as: a session cookie from {@code POST /api/v1/session} or {@code Authorization: Bearer <token>}.
 * Either names the staff user record it was issued to ({@link Accounts.Holder}: id and creation instant, so a user
 * re-created with the same id opens nothing of the old one's), and the request then runs through {@link Crm#as}, so a
 * disabled or removed user's credential opens nothing even before it is revoked; a token limited to a lower role acts
 * with it. A 401 carries {@code WWW-Authenticate} ({@link #CHALLENGE}).
 */
public final class Authentication {
    public static final String SESSION_COOKIE = "sectorcrm_session";
    /** The challenge of every 401: a bearer token (RFC 6750); the cookie is for browsers, which do not read this header. */
    public static final String CHALLENGE = "Bearer realm=\"sectorcrm\"";
    private static final String HOLDER_ATTR = "crm.holder";
    private static final String TOKEN_ATTR = "crm.token";

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
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "Unauthorized", "the Authorization header must be 'Bearer <token>'");
            }
            String secret = auth.substring(7).strip();
            ApiTokens.Use use = accounts.tokens().use(secret).orElseThrow(Authentication::loginFirst);
            ctx.attribute(TOKEN_ATTR, use.id());
            return open(ctx, use.holder(), Accounts.Credential.API_TOKEN, secret, use.maxRole());
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        Accounts.Holder holder = accounts.session(cookie).orElseThrow(Authentication::loginFirst);
        return open(ctx, holder, Accounts.Credential.SESSION, cookie, null);
    }

    /** The session of a credential's holder, if their stored record is still the one it was issued to and is active. */
    CrmSession open(Context ctx, Accounts.Holder holder, Accounts.Credential kind, String secret, Role maxRole) {
        StaffUser user = crm.storage().read(tx -> tx.staffUsers().find(holder.user())).orElseThrow(Authentication::loginFirst);
        if (!holder.opens(user)) {
            throw loginFirst(); // issued to an earlier record with this id
        }
        if (holder.createdAt() == null) {
            accounts.bind(kind, secret, user.stamp().createdAt());
        }
        ctx.attribute(HOLDER_ATTR, new Accounts.Holder(user.id(), user.stamp().createdAt()));
        try {
            return maxRole == null ? crm.as(user.id()) : crm.as(user.id(), maxRole);
        } catch (AccessDeniedException e) {
            // a disabled or removed staff user: the credential no longer opens anything
            throw new ApiException(401, "Unauthorized", e.getMessage());
        }
    }

    private static ApiException loginFirst() {
        return new ApiException(401, "Unauthorized", "log in (POST " + ApiServer.BASE + "/session) or send 'Authorization: Bearer <token>'");
    }

    /** The staff user record the request's credential opened (to bind the credentials it issues). */
    public static Accounts.Holder holder(Context ctx) {
        Accounts.Holder h = ctx.attribute(HOLDER_ATTR);
        if (h == null) {
            throw new IllegalStateException("route registered as open but reads the credential's holder");
        }
        return h;
    }

    /** The id of the API token the request authenticated with, or null for a session cookie. */
    public static String tokenId(Context ctx) {
        return ctx.attribute(TOKEN_ATTR);
    }

    /** Whether the request authenticated with a bearer token (which a password change revokes) rather than its cookie. */
    public static boolean byToken(Context ctx) {
        return ctx.header("Authorization") != null;
    }

    /** The client's address as the throttle counts it. */
    String clientAddress(Context ctx) {
        return headers.clientAddress(ctx);
    }

    /** {@code POST /session}: checks e-mail and password (throttled, see {@link Accounts#login}) and sets the cookie. */
    void login(Context ctx) throws JsonProcessingException {
        Bodies.Login body = Http.body(ctx, Bodies.Login.class);
        List<FieldViolation> v = new ArrayList<>();
        if (body.email() == null) {
            v.add(new FieldViolation("login", "email", "is required"));
        } else if (body.email().length() > Accounts.MAX_EMAIL) {
            v.add(new FieldViolation("login", "email", "must be at most " + Accounts.MAX_EMAIL + " characters"));
        }
        if (body.password() == null) {
            v.add(new FieldViolation("login", "password", "is required"));
        } else if (body.password().length() > PasswordPolicy.MAX_LENGTH) {
            v.add(new FieldViolation("login", "password", "must be at most " + PasswordPolicy.MAX_LENGTH + " characters"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        Optional<StaffUser> found = userByEmail(body.email());
        Optional<StaffUserId> user;
        try {
            user = accounts.login(body.email(), found.map(StaffUser::id), body.password().toCharArray(), clientAddress(ctx));
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
        String sid = accounts.startSession(new Accounts.Holder(found.get().id(), found.get().stamp().createdAt()));
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
    private Optional<StaffUser> userByEmail(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return crm.storage().read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(address), PageRequest.first(1))).items().stream()
                .findFirst();
    }
}
