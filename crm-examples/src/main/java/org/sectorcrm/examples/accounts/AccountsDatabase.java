package org.sectorcrm.examples.accounts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.sectorcrm.core.StorageException;

/**
 * The accounts tables and the one connection they are used through, under this object's lock: the statements are
 * few and short, and SQLite has one writer anyway. The tables live next to the CRM data but outside its migrations
 * (crm-core's {@code StaffUser} carries no credentials); they are created here, and a column added later is added to
 * an older database when it opens ({@link #addColumn}).
 */
final class AccountsDatabase implements AutoCloseable {
    private final String jdbcUrl;
    /** Replaced when the server dropped it (a PostgreSQL restart): see {@link #run}. Guarded by {@code this}. */
    private Connection connection;

    AccountsDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        try {
            this.connection = DriverManager.getConnection(jdbcUrl);
            try (Statement s = connection.createStatement()) {
                for (String ddl : ddl(jdbcUrl)) {
                    s.execute(ddl);
                }
            }
            addColumn("api_tokens", "id", "VARCHAR(36)");
            addColumn("api_tokens", "max_role", "VARCHAR(16)");
            addColumn("api_tokens", "expires_at", "VARCHAR(40)");
            for (String table : List.of("api_tokens", "login_sessions", "calendar_feeds")) {
                addColumn(table, "bound_to", "VARCHAR(40)");
            }
            for (String hash : query("SELECT token_sha256 FROM api_tokens WHERE id IS NULL", List.of())) {
                update("UPDATE api_tokens SET id = ? WHERE token_sha256 = ?", UUID.randomUUID().toString(), hash);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot open the accounts tables at " + jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tables in the SQL of each engine: MariaDB indexes only bounded text (VARCHAR), binary columns are BLOB,
     * BYTEA or VARBINARY. Times are fixed-width ISO-8601 text ({@link #time}), so comparing them as text orders them.
     * Login attempts name the account and the client address by their SHA-256 only: the table holds no e-mail or
     * address, and its rows are of one small size whatever was sent.
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
        // Before: the submitted e-mail itself, never purged. Only throttling state: dropping it forgets recent failures.
        ddl.add("DROP TABLE IF EXISTS login_failures");
        ddl.add("CREATE TABLE IF NOT EXISTS login_attempts (account VARCHAR(64) NOT NULL, address VARCHAR(64) NOT NULL, at VARCHAR(40) NOT NULL)");
        ddl.add("CREATE INDEX IF NOT EXISTS login_attempts_account ON login_attempts (account, at)");
        ddl.add("CREATE INDEX IF NOT EXISTS login_attempts_address ON login_attempts (address, at)");
        ddl.add("CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts (at)");
        ddl.add("CREATE TABLE IF NOT EXISTS login_known (account VARCHAR(64) NOT NULL, address VARCHAR(64) NOT NULL, at VARCHAR(40) NOT NULL,"
                + " PRIMARY KEY (account, address))");
        String text = url.startsWith("jdbc:mariadb:") ? "MEDIUMTEXT" : "TEXT";
        ddl.add("CREATE TABLE IF NOT EXISTS import_mappings (user_id VARCHAR(36) NOT NULL, kind VARCHAR(32) NOT NULL, mapping " + text + " NOT NULL,"
                + " updated_at VARCHAR(40) NOT NULL, PRIMARY KEY (user_id, kind))");
        return ddl;
    }

    /** Adds a column an older database lacks (every engine here has {@code ALTER TABLE ... ADD COLUMN}). */
    private void addColumn(String table, String column, String type) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0").close();
        } catch (SQLException missing) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
            }
        }
    }

    /**
     * An instant as text of one width ({@code 2026-11-22T08:00:00.000000000Z}). {@code Instant.toString()} drops
     * zero fractions, and {@code "...:00Z"} sorts after {@code "...:00.5Z"} as text though it is earlier.
     */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection. A connection the database server dropped (a restart, an idle timeout) is
     * replaced once and the work retried, so that logins keep working without restarting SectorCRM.
     */
    synchronized <R> R run(SqlWork<R> work) {
        try {
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
        } catch (SQLException e) {
            throw new StorageException("accounts: " + e.getMessage(), e);
        }
    }

    private boolean isAlive() {
        try {
            return !connection.isClosed() && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    int update(String sql, Object... args) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** The rows of a query, each as its columns' text. */
    List<String[]> rows(String sql, List<String> args) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                List<String[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        String[] row = new String[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = rs.getString(i + 1);
                        }
                        out.add(row);
                    }
                }
                return out;
            }
        });
    }

    /** The first column of a query's rows. */
    List<String> query(String sql, List<String> args) {
        return rows(sql, args).stream().map(r -> r[0]).toList();
    }

    /** The password hash of a user, or null. */
    Passwords.Hash storedHash(String userId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT salt, hash, iterations FROM credentials WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Passwords.Hash(rs.getBytes(1), rs.getBytes(2), rs.getInt(3)) : null;
                }
            }
        });
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
