package org.sectorcrm.examples.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Credentials, login sessions, API tokens and calendar feed tokens of the standalone server, in tables of their own next
 * to the CRM data (crm-core's {@code StaffUser} deliberately carries no credentials). Sessions live in the database,
 * not in memory, so several server processes on one database serve the same logins. Session ids and tokens are 256
 * random bits shown to the client once; only their SHA-256 is stored, cheap to check on every request and useless if
 * the table leaks.
 *
 * <p>Every credential is bound to the staff user it was issued to: to their id and to the instant that user record
 * was created ({@link Holder}), so a user deleted and later re-created with the same id (a restore, an embedder's
 * import) does not inherit the old one's sessions or tokens. Deleting or disabling a user revokes them all anyway.
 */
public final class Accounts implements AutoCloseable {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** The longest e-mail a login accepts (RFC 5321's path limit); longer ones are refused before anything is stored. */
    public static final int MAX_EMAIL = 320;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountsDatabase db;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;
    private final CalendarFeeds feeds;
    private final ImportMappings mappings;

    /** A password check was refused because of too many recent failures; {@link #retryAfter} says when to try again. */
    public static final class ThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        ThrottledException(Duration retryAfter) {
            super("too many failed password checks for this account from here; try again in " + describe(retryAfter));
            this.retryAfter = retryAfter;
        }

        private static String describe(Duration d) {
            return d.toMinutes() >= 1 ? d.toMinutes() + " minute(s)" : Math.max(1, d.toSeconds()) + " second(s)";
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Who a credential was issued to: the user's id and when that staff user record was created ({@code Stamp.createdAt}),
     * so that a credential opens only the very record it was made for.
     */
    public record Holder(StaffUserId user, Instant createdAt) {
        String bound() {
            return createdAt == null ? null : AccountsDatabase.time(createdAt);
        }

        /** Whether this credential may open {@code user} as stored now (an unbound one binds on first use). */
        public boolean opens(org.sectorcrm.core.reference.StaffUser user) {
            return user.id().equals(this.user) && (createdAt == null || createdAt.equals(user.stamp().createdAt()));
        }
    }

    /** A calendar feed of a user: its id (to revoke it; not a secret), its name and when it was made. */
    public record CalendarFeed(String id, String name, Instant createdAt) {
    }

    /** A new calendar feed with its token, the only time the token is visible. */
    public record IssuedFeed(CalendarFeed feed, String token) {
    }

    public Accounts(String jdbcUrl, Clock clock) {
        this(jdbcUrl, clock, LoginThrottle.MAX_ROWS);
    }

    /** @param failedLoginRows how many failed password checks the login store keeps at most ({@link LoginThrottle#MAX_ROWS}) */
    Accounts(String jdbcUrl, Clock clock, int failedLoginRows) {
        this.clock = clock;
        this.db = new AccountsDatabase(jdbcUrl);
        this.throttle = new LoginThrottle(db, clock, failedLoginRows);
        this.tokens = new ApiTokens(db, clock);
        this.feeds = new CalendarFeeds(db, clock);
        this.mappings = new ImportMappings(db, clock);
    }

    /** The column mapping {@code user} last chose for an import of {@code kind} (field to column); empty when none. */
    public synchronized Map<String, String> importMapping(StaffUserId user, String kind) {
        return mappings.of(user, kind);
    }

    /** Remembers {@code user}'s column mapping for imports of {@code kind}, replacing the last one. */
    public synchronized void rememberImportMapping(StaffUserId user, String kind, Map<String, String> mapping) {
        mappings.remember(user, kind, mapping);
    }

    /** API tokens: issue, list, revoke. */
    public ApiTokens tokens() {
        return tokens;
    }

    /**
     * Sets (or replaces) the password of a staff user; refuses weak passwords. For the operator's command line and
     * the first admin only: over the API a user changes only their own password ({@link #changeOwnPassword}).
     * Clears the throttle of the e-mail, so that the operator's reset lets a locked-out user in at once.
     */
    public void setPassword(StaffUserId user, String email, char[] password) {
        PasswordPolicy.require(password, email, null);
        Passwords.Hash h = Passwords.hash(password);
        synchronized (this) {
            writeHash(user, h);
        }
        throttle.clear(email);
    }

    /**
     * The credentials table's old e-mail column (NOT NULL UNIQUE in databases created before) is no longer read: it
     * gets the user id, which is unique and never goes stale, so a stale address cannot collide with someone else's.
     */
    private void writeHash(StaffUserId user, Passwords.Hash h) {
        db.update("DELETE FROM credentials WHERE user_id = ?", user.asString());
        db.update("INSERT INTO credentials (user_id, email, salt, hash, iterations, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.asString(), user.asString(), h.salt(), h.hash(), h.iterations(), AccountsDatabase.time(clock.instant()));
    }

    public synchronized boolean hasPassword(StaffUserId user) {
        return !db.query("SELECT user_id FROM credentials WHERE user_id = ?", List.of(user.asString())).isEmpty();
    }

    /**
     * Checks the password of the staff user an e-mail belongs to ({@code user} is empty when no staff user has it: the
     * caller finds the user through the CRM store, so that a changed e-mail takes effect at once and the old one opens
     * nothing), throttled per e-mail and client address ({@link LoginThrottle}); throws {@link ThrottledException}.
     */
    public Optional<StaffUserId> login(String email, Optional<StaffUserId> user, char[] password, String clientAddress) {
        if (email == null || email.length() > MAX_EMAIL) {
            throw ValidationException.of("login", "email", "must be at most " + MAX_EMAIL + " characters");
        }
        boolean ok = check(email, clientAddress, user.orElse(null), password);
        return ok ? user : Optional.empty();
    }

    /** {@link #login(String, Optional, char[], String)} from this machine (command-line jobs, tests). */
    public Optional<StaffUserId> login(String email, Optional<StaffUserId> user, char[] password) {
        return login(email, user, password, "local");
    }

    /** One throttled password check; hashing happens outside every lock (600,000 iterations must not stall other requests). */
    private boolean check(String email, String clientAddress, StaffUserId user, char[] password) {
        LoginThrottle.Attempt attempt = throttle.begin(email, clientAddress);
        boolean ok = false;
        try {
            Passwords.Hash stored = user == null || !PasswordPolicy.wellFormed(password) ? null : db.storedHash(user.asString());
            if (stored == null) {
                Passwords.burn(password); // an unknown e-mail answers no faster than a wrong password
            } else {
                ok = Passwords.verify(password, stored);
            }
        } finally {
            attempt.finish(ok);
        }
        return ok;
    }

    /**
     * A user changes their own password: {@code current} must be their present password, checked and throttled like a
     * login for their e-mail and address. On success every other session of theirs ends and every API and feed token is
     * revoked (whoever learnt the old password may have made some); {@code keepSession} (the request's, may be null)
     * stays open. Returns false on a wrong current password.
     */
    public boolean changeOwnPassword(StaffUserId user, String email, char[] current, char[] password, String keepSession, String clientAddress) {
        if (!check(email, clientAddress, user, current)) {
            return false;
        }
        PasswordPolicy.require(password, email, current);
        Passwords.Hash h = Passwords.hash(password);
        synchronized (this) {
            writeHash(user, h);
            String keep = keepSession == null ? "" : sha256(keepSession);
            db.update("DELETE FROM login_sessions WHERE user_id = ? AND id_sha256 <> ?", user.asString(), keep);
            tokens.revokeAll(user);
            feeds.revokeAll(user);
        }
        return true;
    }

    /** Starts a login session; returns the session id for the cookie (only its hash is stored). Expired sessions are purged. */
    public synchronized String startSession(Holder holder) {
        String id = randomSecret();
        Instant now = clock.instant();
        db.update("DELETE FROM login_sessions WHERE expires_at < ?", AccountsDatabase.time(now));
        db.update("INSERT INTO login_sessions (id_sha256, user_id, created_at, expires_at, bound_to) VALUES (?, ?, ?, ?, ?)",
                sha256(id), holder.user().asString(), AccountsDatabase.time(now), AccountsDatabase.time(now.plus(SESSION_LIFETIME)), holder.bound());
        return id;
    }

    /** The holder a session was started for, to be compared with the staff user now stored ({@link Holder}). */
    public synchronized Optional<Holder> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
            return Optional.empty();
        }
        return db.rows("SELECT user_id, bound_to FROM login_sessions WHERE id_sha256 = ? AND expires_at > ?",
                List.of(sha256(sessionId), AccountsDatabase.time(clock.instant()))).stream().findFirst().map(Accounts::holder);
    }

    static Holder holder(String[] row) {
        return new Holder(StaffUserId.of(row[0]), row[1] == null ? null : Instant.parse(row[1]));
    }

    public synchronized void endSession(String sessionId) {
        if (sessionId != null) {
            db.update("DELETE FROM login_sessions WHERE id_sha256 = ?", sha256(sessionId));
        }
    }

    /** Ends every session and revokes every API and calendar feed token of a user (when disabled or deleted). */
    public synchronized void revokeAll(StaffUserId user) {
        db.update("DELETE FROM login_sessions WHERE user_id = ?", user.asString());
        tokens.revokeAll(user);
        feeds.revokeAll(user);
    }

    /**
     * Issues an API token with its user's role and no expiry (command-line jobs, tests); the server issues through
     * {@link ApiTokens#issue}. The token is bound to its user's record on first use ({@link #bind}).
     */
    public String issueToken(StaffUserId user, String name) {
        return tokens.issue(new Holder(user, null), Role.ADMIN, name, null, null).token();
    }

    /** The user an API token opens (before the server's checks of binding, role and the user's state). */
    public Optional<StaffUserId> token(String token) {
        return tokens.use(token).map(u -> u.holder().user());
    }

    /**
     * Binds a credential issued before its user's creation instant was known (older databases, {@link #issueToken})
     * to the user record it is first used with; later uses must match it.
     */
    public void bind(Credential kind, String secret, Instant userCreatedAt) {
        db.update("UPDATE " + kind.table + " SET bound_to = ? WHERE " + kind.column + " = ? AND bound_to IS NULL",
                AccountsDatabase.time(userCreatedAt), sha256(secret));
    }

    /** The kinds of credential, for {@link #bind}. */
    public enum Credential {
        SESSION("login_sessions", "id_sha256"), API_TOKEN("api_tokens", "token_sha256"), CALENDAR_FEED("calendar_feeds", "token_sha256");

        private final String table;
        private final String column;

        Credential(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    /** Calendar feed tokens ({@link CalendarFeeds}). */
    public IssuedFeed issueFeed(Holder holder, String name) {
        return feeds.issue(holder, name);
    }

    public Optional<Holder> feedUser(String token) {
        return feeds.holder(token);
    }

    public List<CalendarFeed> feeds(StaffUserId user) {
        return feeds.of(user);
    }

    public boolean revokeFeed(StaffUserId user, String feedId) {
        return feeds.revoke(user, feedId);
    }

    static String randomSecret() {
        byte[] bytes = new byte[32]; // 256 bits
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
