package org.sectorcrm.examples.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Credentials, login sessions, API tokens and calendar feed tokens of the standalone server, in tables of their own next to the CRM data
 * (crm-core's {@code StaffUser} deliberately carries no credentials). Sessions live in the database, not in memory,
 * so several server processes on one database serve the same logins. Session ids and API tokens are 256 random bits
 * shown to the client once; only their SHA-256 is stored, cheap to check on every request and useless if the table leaks.
 */
public final class Accounts implements AutoCloseable {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String jdbcUrl;
    /** Replaced when the server dropped it (a PostgreSQL restart): see {@link #run}. Guarded by {@code this}. */
    private Connection connection;
    private final Clock clock;

    /** A login was refused because the account had too many recent failures; {@link #retryAfter} says when to try again. */
    public static final class ThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        ThrottledException(Duration retryAfter) {
            super("too many failed logins for this account; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public record TokenInfo(String name, StaffUserId user, Instant createdAt) {
    }

    /** A calendar feed of a user: its id (to revoke it; not a secret), its name and when it was made. */
    public record CalendarFeed(String id, String name, Instant createdAt) {
    }

    /** A new calendar feed with its token, the only time the token is visible. */
    public record IssuedFeed(CalendarFeed feed, String token) {
    }

    public Accounts(String jdbcUrl, Clock clock) {
        this.clock = clock;
        this.jdbcUrl = jdbcUrl;
        try {
            // One connection, used under this object's lock: the statements here are few and short, and SQLite has one writer anyway.
            this.connection = DriverManager.getConnection(jdbcUrl);
            try (Statement s = connection.createStatement()) {
                for (String ddl : ddl(jdbcUrl)) {
                    s.execute(ddl);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot open the accounts tables at " + jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tables in the SQL of each engine: MariaDB indexes only bounded text (VARCHAR), binary columns are BLOB,
     * BYTEA or VARBINARY. Times are fixed-width ISO-8601 text ({@link #time}), so comparing them as text orders them.
     */
    private static List<String> ddl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        String bytes = url.startsWith("jdbc:postgresql:") ? "BYTEA" : url.startsWith("jdbc:mariadb:") ? "VARBINARY(64)" : "BLOB";
        List<String> ddl = new ArrayList<>();
        if (url.startsWith("jdbc:sqlite:")) {
            // The CRM store's pool writes to the same file: wait for its write lock rather than fail at once.
            ddl.add("PRAGMA busy_timeout = 30000");
        }
        ddl.add("CREATE TABLE IF NOT EXISTS credentials (user_id VARCHAR(36) PRIMARY KEY, email VARCHAR(320) NOT NULL UNIQUE,"
                + " salt " + bytes + " NOT NULL, hash " + bytes + " NOT NULL, iterations INTEGER NOT NULL, changed_at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE TABLE IF NOT EXISTS login_sessions (id_sha256 VARCHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL,"
                + " created_at VARCHAR(40) NOT NULL, expires_at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE TABLE IF NOT EXISTS api_tokens (token_sha256 VARCHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL,"
                + " name VARCHAR(200) NOT NULL, created_at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE TABLE IF NOT EXISTS calendar_feeds (id VARCHAR(36) PRIMARY KEY, token_sha256 VARCHAR(64) NOT NULL UNIQUE,"
                + " user_id VARCHAR(36) NOT NULL, name VARCHAR(200) NOT NULL, created_at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE TABLE IF NOT EXISTS login_failures (email VARCHAR(320) NOT NULL, at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE INDEX IF NOT EXISTS login_failures_email ON login_failures (email, at)");
        return ddl;
    }

    /**
     * An instant as text of one width ({@code 2026-11-22T08:00:00.000000000Z}). {@code Instant.toString()} drops
     * zero fractions, and {@code "...:00Z"} sorts after {@code "...:00.5Z"} as text though it is earlier.
     */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Sets (or replaces) the password of a staff user; refuses weak passwords. For the operator's command line and
     * the first admin only: over the API a user changes only their own password ({@link #changeOwnPassword}).
     * Nothing is keyed on e-mail (logins find the user by e-mail in the CRM store, where a change takes effect at once).
     */
    public void setPassword(StaffUserId user, String email, char[] password) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw org.sectorcrm.core.ValidationException.of("credentials", "password", problem);
        }
        Passwords.Hash h = Passwords.hash(password);
        synchronized (this) {
            writeHash(user, h);
        }
    }

    /**
     * The credentials table's old e-mail column (NOT NULL UNIQUE in databases created before) is no longer read: it
     * gets the user id, which is unique and never goes stale, so a stale address cannot collide with someone else's.
     */
    private void writeHash(StaffUserId user, Passwords.Hash h) {
        update("DELETE FROM credentials WHERE user_id = ?", user.asString());
        update("INSERT INTO credentials (user_id, email, salt, hash, iterations, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.asString(), user.asString(), h.salt(), h.hash(), h.iterations(), time(clock.instant()));
    }

    public synchronized boolean hasPassword(StaffUserId user) {
        return !query("SELECT user_id FROM credentials WHERE user_id = ?", List.of(user.asString())).isEmpty();
    }

    /**
     * Checks the password of the staff user an e-mail belongs to ({@code user} is empty when no staff user has it:
     * the caller finds the user through the CRM store, so that a changed e-mail takes effect at once and the old
     * one opens nothing). Throws {@link ThrottledException} after {@link #MAX_FAILURES} failures within
     * {@link #FAILURE_WINDOW} for the e-mail (counted per e-mail, so a guesser cannot get round it by spreading IPs).
     * Attempts still being checked count as failures until they are decided: the count is checked and the attempt
     * reserved under one lock, so parallel guesses cannot all slip past the count before any failure is recorded.
     */
    public Optional<StaffUserId> login(String email, Optional<StaffUserId> user, char[] password) {
        String key = normalize(email);
        Instant now = clock.instant();
        synchronized (this) {
            List<String> recent = query("SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at",
                    List.of(key, time(now.minus(FAILURE_WINDOW))));
            int pending = inFlight.getOrDefault(key, 0);
            if (recent.size() + pending >= MAX_FAILURES) {
                // Attempts still in flight have no failure time yet: then the answer is "soon" (they are decided in a second).
                Instant retryAt = recent.size() >= MAX_FAILURES ? Instant.parse(recent.get(recent.size() - MAX_FAILURES)).plus(FAILURE_WINDOW) : now;
                throw new ThrottledException(Duration.between(now, retryAt));
            }
            inFlight.merge(key, 1, Integer::sum);
        }
        boolean ok = false;
        try {
            Passwords.Hash stored = user.isEmpty() ? null : storedHash(user.get());
            // Hashing happens outside the lock: 600,000 iterations take a while and must not stall other requests.
            if (stored == null) {
                Passwords.burn(password);
            } else {
                ok = Passwords.verify(password, stored);
            }
        } finally {
            synchronized (this) {
                inFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
                if (ok) {
                    update("DELETE FROM login_failures WHERE email = ?", key);
                } else {
                    update("INSERT INTO login_failures (email, at) VALUES (?, ?)", key, time(now));
                }
            }
        }
        return ok ? user : Optional.empty();
    }

    /** Login attempts being checked right now, per normalized e-mail. Guarded by {@code this}. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    private Passwords.Hash storedHash(StaffUserId user) {
        try {
            return run(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT salt, hash, iterations FROM credentials WHERE user_id = ?")) {
                    ps.setString(1, user.asString());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new Passwords.Hash(rs.getBytes(1), rs.getBytes(2), rs.getInt(3)) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw new StorageException("cannot read credentials: " + e.getMessage(), e);
        }
    }

    /**
     * A user changes their own password: {@code current} must be their present password. On success every other
     * session of theirs ends and every API token is revoked (whoever learnt the old password may have made some);
     * {@code keepSession} (the session of the request, may be null) stays open. Returns false on a wrong current password.
     */
    public boolean changeOwnPassword(StaffUserId user, char[] current, char[] password, String keepSession) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw org.sectorcrm.core.ValidationException.of("credentials", "password", problem);
        }
        Passwords.Hash stored = storedHash(user);
        boolean ok;
        if (stored == null) {
            Passwords.burn(current);
            ok = false;
        } else {
            ok = Passwords.verify(current, stored);
        }
        if (!ok) {
            return false;
        }
        Passwords.Hash h = Passwords.hash(password);
        synchronized (this) {
            writeHash(user, h);
            String keep = keepSession == null ? "" : sha256(keepSession);
            update("DELETE FROM login_sessions WHERE user_id = ? AND id_sha256 <> ?", user.asString(), keep);
            update("DELETE FROM api_tokens WHERE user_id = ?", user.asString());
            update("DELETE FROM calendar_feeds WHERE user_id = ?", user.asString());
        }
        return true;
    }

    /** Starts a login session; returns the session id for the cookie (only its hash is stored). */
    public synchronized String startSession(StaffUserId user) {
        String id = randomSecret();
        Instant now = clock.instant();
        update("DELETE FROM login_sessions WHERE expires_at < ?", time(now));
        update("INSERT INTO login_sessions (id_sha256, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                sha256(id), user.asString(), time(now), time(now.plus(SESSION_LIFETIME)));
        return id;
    }

    public synchronized Optional<StaffUserId> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return query("SELECT user_id FROM login_sessions WHERE id_sha256 = ? AND expires_at > ?",
                List.of(sha256(sessionId), time(clock.instant()))).stream().findFirst().map(StaffUserId::of);
    }

    public synchronized void endSession(String sessionId) {
        if (sessionId != null) {
            update("DELETE FROM login_sessions WHERE id_sha256 = ?", sha256(sessionId));
        }
    }

    /** Issues an API token for integrations; the returned text is the only time it is ever visible. */
    public synchronized String issueToken(StaffUserId user, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw org.sectorcrm.core.ValidationException.of("token", "name", "is required (1-200 characters)");
        }
        String token = "scrm_" + randomSecret();
        update("INSERT INTO api_tokens (token_sha256, user_id, name, created_at) VALUES (?, ?, ?, ?)",
                sha256(token), user.asString(), name.strip(), time(clock.instant()));
        return token;
    }

    public synchronized Optional<StaffUserId> token(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return query("SELECT user_id FROM api_tokens WHERE token_sha256 = ?", List.of(sha256(token)))
                .stream().findFirst().map(StaffUserId::of);
    }

    /** Ends every session and revokes every API and calendar feed token of a user (when disabled). */
    public synchronized void revokeAll(StaffUserId user) {
        update("DELETE FROM login_sessions WHERE user_id = ?", user.asString());
        update("DELETE FROM api_tokens WHERE user_id = ?", user.asString());
        update("DELETE FROM calendar_feeds WHERE user_id = ?", user.asString());
    }

    /**
     * Issues a calendar feed token: the secret in the URL a calendar program subscribes to, which opens only that
     * user's calendar, read-only. It is a credential of its own (programs cannot send a bearer token), stored as its
     * SHA-256 like the others, revoked one by one, with a password change, or with the user.
     */
    public synchronized IssuedFeed issueFeed(StaffUserId user, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw org.sectorcrm.core.ValidationException.of("calendarFeed", "name", "is required (1-200 characters)");
        }
        String token = "scal_" + randomSecret();
        CalendarFeed feed = new CalendarFeed(java.util.UUID.randomUUID().toString(), name.strip(), clock.instant());
        update("INSERT INTO calendar_feeds (id, token_sha256, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
                feed.id(), sha256(token), user.asString(), feed.name(), time(feed.createdAt()));
        return new IssuedFeed(feed, token);
    }

    /** The user a calendar feed token belongs to; empty for an unknown or revoked one. */
    public synchronized Optional<StaffUserId> feedUser(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return query("SELECT user_id FROM calendar_feeds WHERE token_sha256 = ?", List.of(sha256(token))).stream().findFirst().map(StaffUserId::of);
    }

    /** A user's calendar feeds, oldest first. */
    public synchronized List<CalendarFeed> feeds(StaffUserId user) {
        try {
            return run(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at FROM calendar_feeds WHERE user_id = ? ORDER BY created_at, id")) {
                    ps.setString(1, user.asString());
                    List<CalendarFeed> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new CalendarFeed(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new StorageException("accounts: " + e.getMessage(), e);
        }
    }

    /** Revokes one of the user's own calendar feeds; false when they have none with this id. */
    public synchronized boolean revokeFeed(StaffUserId user, String feedId) {
        return feedId != null && update("DELETE FROM calendar_feeds WHERE id = ? AND user_id = ?", feedId, user.asString()) > 0;
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

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection. A connection the database server dropped (a restart, an idle timeout) is
     * replaced once and the work retried, so that logins keep working without restarting SectorCRM.
     */
    private synchronized <R> R run(SqlWork<R> work) throws SQLException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            if (isAlive()) {
                throw e;
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone already
            }
            connection = DriverManager.getConnection(jdbcUrl);
            return work.run(connection);
        }
    }

    private boolean isAlive() {
        try {
            return !connection.isClosed() && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private int update(String sql, Object... args) {
        try {
            return run(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StorageException("accounts: " + e.getMessage(), e);
        }
    }

    private List<String> query(String sql, List<String> args) {
        try {
            return run(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.size(); i++) {
                        ps.setString(i + 1, args.get(i));
                    }
                    List<String> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new StorageException("accounts: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the accounts database: " + e.getMessage(), e);
        }
    }
}
