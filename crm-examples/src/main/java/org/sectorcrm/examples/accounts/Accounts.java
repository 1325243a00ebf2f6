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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Credentials, login sessions and API tokens of the standalone server, in tables of their own next to the CRM data
 * (crm-core's {@code StaffUser} deliberately carries no credentials). Sessions live in the database, not in memory,
 * so several server processes on one database serve the same logins. Session ids and API tokens are 256 random bits
 * shown to the client once; only their SHA-256 is stored, cheap to check on every request and useless if the table leaks.
 */
public final class Accounts implements AutoCloseable {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Connection connection;
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

    public Accounts(String jdbcUrl, Clock clock) {
        this.clock = clock;
        try {
            // One connection: SQLite allows one writer anyway, and an in-memory database lives as long as it does.
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

    /** Sets (or replaces) the password of a staff user; refuses weak passwords. */
    public synchronized void setPassword(StaffUserId user, String email, char[] password) {
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            throw org.sectorcrm.core.ValidationException.of("credentials", "password", problem);
        }
        Passwords.Hash h = Passwords.hash(password);
        update("DELETE FROM credentials WHERE user_id = ? OR email = ?", user.asString(), normalize(email));
        update("INSERT INTO credentials (user_id, email, salt, hash, iterations, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.asString(), normalize(email), h.salt(), h.hash(), h.iterations(), time(clock.instant()));
    }

    public synchronized boolean hasPassword(StaffUserId user) {
        return !query("SELECT user_id FROM credentials WHERE user_id = ?", List.of(user.asString())).isEmpty();
    }

    /**
     * Checks an e-mail and password. Throws {@link ThrottledException} after {@link #MAX_FAILURES} failures within
     * {@link #FAILURE_WINDOW} for the account (counted per e-mail, so a guesser cannot lock out by spreading IPs).
     */
    public Optional<StaffUserId> login(String email, char[] password) {
        String key = normalize(email);
        Instant now = clock.instant();
        synchronized (this) {
            List<String> recent = query("SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at",
                    List.of(key, time(now.minus(FAILURE_WINDOW))));
            if (recent.size() >= MAX_FAILURES) {
                Instant oldest = Instant.parse(recent.get(recent.size() - MAX_FAILURES));
                throw new ThrottledException(Duration.between(now, oldest.plus(FAILURE_WINDOW)));
            }
        }
        Passwords.Hash stored;
        String userId;
        synchronized (this) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT user_id, salt, hash, iterations FROM credentials WHERE email = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getString(1);
                        stored = new Passwords.Hash(rs.getBytes(2), rs.getBytes(3), rs.getInt(4));
                    } else {
                        userId = null;
                        stored = null;
                    }
                }
            } catch (SQLException e) {
                throw new StorageException("cannot read credentials: " + e.getMessage(), e);
            }
        }
        // Hashing happens outside the lock: 600,000 iterations take a while and must not stall other requests.
        boolean ok;
        if (stored == null) {
            Passwords.burn(password);
            ok = false;
        } else {
            ok = Passwords.verify(password, stored);
        }
        synchronized (this) {
            if (!ok) {
                update("INSERT INTO login_failures (email, at) VALUES (?, ?)", key, time(now));
                return Optional.empty();
            }
            update("DELETE FROM login_failures WHERE email = ?", key);
        }
        return Optional.of(StaffUserId.of(userId));
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

    /** Ends every session and revokes every token of a user (when disabled). */
    public synchronized void revokeAll(StaffUserId user) {
        update("DELETE FROM login_sessions WHERE user_id = ?", user.asString());
        update("DELETE FROM api_tokens WHERE user_id = ?", user.asString());
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

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("accounts: " + e.getMessage(), e);
        }
    }

    private List<String> query(String sql, List<String> args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
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
