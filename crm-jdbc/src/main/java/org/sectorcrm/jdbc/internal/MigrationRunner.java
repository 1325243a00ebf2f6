package org.sectorcrm.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.sectorcrm.jdbc.Dialect;
import org.sectorcrm.jdbc.SchemaException;

/**
 * Applies the versioned migration scripts of one dialect and records each in {@code crm_schema_history}
 * (version, description, script, SHA-256 checksum, when, how long). Several nodes may start at once: a
 * database lock (PostgreSQL advisory lock, MariaDB {@code GET_LOCK}, SQLite {@code BEGIN IMMEDIATE})
 * makes them take turns, and whoever comes second finds the work done.
 *
 * <p>Why not Flyway: its MySQL/MariaDB module pulls in Jackson 3 next to the Jackson 2 the rest of
 * SectorCRM uses. The script names stay Flyway-compatible, so a DBA can still run them with Flyway.
 */
public final class MigrationRunner {
    private static final String HISTORY = "crm_schema_history";
    /** How long a node waits for another node's migration before giving up (MariaDB GET_LOCK). */
    private static final int LOCK_WAIT_SECONDS = 600;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final List<MigrationScript> scripts;

    public MigrationRunner(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, dialect, MigrationScript.all(dialect.dialect()));
    }

    /** With other scripts than the shipped ones: for tests that tamper with a script. */
    public MigrationRunner(DataSource dataSource, SqlDialect dialect, List<MigrationScript> scripts) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.scripts = List.copyOf(scripts);
    }

    /** A migration recorded in the schema history. */
    public record Applied(int version, String description, String script, String checksum) {
    }

    public int latestVersion() {
        return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
    }

    /** Applies every missing migration; returns those applied now (empty when another node did it). */
    public List<MigrationScript> migrate() {
        return migrate(latestVersion());
    }

    /** Applies the missing migrations up to {@code target} (inclusive). */
    public List<MigrationScript> migrate(int target) {
        try (Connection c = dataSource.getConnection()) {
            // A caller's connection may come with auto-commit off. The runners need it on: MariaDB's last history
            // insert would otherwise stay uncommitted (and be lost when the caller rolls back or closes), and
            // SQLite's BEGIN IMMEDIATE fails inside the transaction the driver has open. Turning it on commits
            // what the caller had pending, as the DDL of MariaDB and the commit of PostgreSQL would anyway.
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return switch (dialect.dialect()) {
                    case POSTGRESQL -> migratePostgres(c, target);
                    case MARIADB -> migrateMariaDb(c, target);
                    case SQLITE -> migrateSqlite(c, target);
                };
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new SchemaException("migrating the " + dialect.dialect() + " schema" + where() + " failed: " + e.getMessage(), e);
        }
    }

    /** Fails unless the database has exactly this SectorCRM's migrations, unchanged. Changes nothing. */
    public void validate() {
        List<Applied> history;
        try (Connection c = dataSource.getConnection()) {
            if (!historyExists(c)) {
                throw new SchemaException("there is no SectorCRM schema" + where() + " (no " + HISTORY + " table): apply the scripts in "
                        + MigrationScript.ROOT + dialect.dialect().folder() + "/ or start once with SchemaMode.MIGRATE");
            }
            history = readHistory(c);
        } catch (SQLException e) {
            throw new SchemaException("reading " + HISTORY + where() + " failed: " + e.getMessage(), e);
        }
        List<MigrationScript> pending = plan(history, latestVersion());
        if (!pending.isEmpty()) {
            throw new SchemaException("the database" + where() + " lacks migration" + (pending.size() > 1 ? "s " : " ")
                    + pending.stream().map(MigrationScript::label).collect(Collectors.joining(", ")) + " of this SectorCRM: apply "
                    + pending.stream().map(s -> MigrationScript.ROOT + dialect.dialect().folder() + "/" + s.fileName()).collect(Collectors.joining(", "))
                    + " or start with SchemaMode.MIGRATE");
        }
    }

    /** The recorded history, in version order (empty when there is none). */
    public List<Applied> history() {
        try (Connection c = dataSource.getConnection()) {
            return historyExists(c) ? readHistory(c) : List.of();
        } catch (SQLException e) {
            throw new SchemaException("reading " + HISTORY + where() + " failed: " + e.getMessage(), e);
        }
    }

    // --- per dialect: lock, apply, record ---

    private List<MigrationScript> migratePostgres(Connection c, int target) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // PostgreSQL runs DDL in transactions: all pending scripts commit together or not at all, and the
            // transaction-scoped advisory lock is released by that commit.
            long key = ((PostgresDialect) dialect).lockKey(2);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            if (dialect.schema() != null) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(dialect.schema()));
                st.execute("SET LOCAL search_path TO " + dialect.quote(dialect.schema()));
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version integer NOT NULL PRIMARY KEY, description text NOT NULL,"
                    + " script text NOT NULL, checksum char(64) NOT NULL, applied_at timestamptz NOT NULL, execution_ms bigint NOT NULL)");
            List<MigrationScript> pending = plan(readHistory(c, false), target);
            for (MigrationScript s : pending) {
                apply(c, s, false);
            }
            c.commit();
            return pending;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private List<MigrationScript> migrateMariaDb(Connection c, int target) throws SQLException {
        String original = c.getCatalog();
        String database = dialect.schema() != null ? dialect.schema() : original;
        if (database == null) {
            throw new SchemaException("no MariaDB database selected: put one in the JDBC URL or set the builder's schema");
        }
        String lockName = lockName(database);
        try (Statement st = c.createStatement()) {
            // MariaDB commits DDL implicitly, so a session lock (not a transaction) makes nodes take turns.
            try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, lockName);
                lock.setInt(2, LOCK_WAIT_SECONDS);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new SchemaException("another node held the migration lock " + lockName + " for " + LOCK_WAIT_SECONDS + " s; try again");
                    }
                }
            }
            try {
                if (dialect.schema() != null) {
                    st.execute("CREATE DATABASE IF NOT EXISTS " + dialect.quote(database) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                    c.setCatalog(database);
                }
                st.execute("SET SESSION innodb_ft_enable_stopword = OFF");
                st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                        + " script VARCHAR(200) NOT NULL, checksum CHAR(64) CHARACTER SET ascii NOT NULL, applied_at DATETIME(6) NOT NULL,"
                        + " execution_ms BIGINT NOT NULL) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
                List<MigrationScript> pending = plan(readHistory(c, false), target);
                for (MigrationScript s : pending) {
                    apply(c, s, true);
                }
                return pending;
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    unlock.setString(1, lockName);
                    unlock.execute();
                }
                if (original != null && !original.equals(c.getCatalog())) {
                    c.setCatalog(original);
                }
            }
        }
    }

    private List<MigrationScript> migrateSqlite(Connection c, int target) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Another process migrating holds the write lock: wait for it rather than fail at once, also on a
            // caller's connection that has no busy timeout of its own.
            try (ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
                if (rs.next() && rs.getInt(1) == 0) {
                    st.execute("PRAGMA busy_timeout = " + LOCK_WAIT_SECONDS * 1000);
                }
            }
            // BEGIN IMMEDIATE takes the write lock now, so two processes never both decide to migrate.
            st.execute("BEGIN IMMEDIATE");
            try {
                st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL,"
                        + " script TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, execution_ms INTEGER NOT NULL) STRICT");
                List<MigrationScript> pending = plan(readHistory(c, false), target);
                for (MigrationScript s : pending) {
                    apply(c, s, false);
                }
                st.execute("COMMIT");
                return pending;
            } catch (SQLException | RuntimeException e) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    private void apply(Connection c, MigrationScript script, boolean partialOnFailure) throws SQLException {
        List<String> statements = script.statements(dialect.dialect());
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    String sql = statements.get(i);
                    throw new SchemaException("migration " + script.label() + " failed at statement " + (i + 1) + " of " + statements.size() + " ("
                            + (sql.length() > 100 ? sql.substring(0, 100) + "…" : sql) + "): " + e.getMessage()
                            + (partialOnFailure ? "; MariaDB commits DDL as it goes, so the earlier statements stay applied. The scripts are"
                                    + " idempotent: fix the cause and start again" : "; nothing of this migration run was kept"), e);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(dialect.sql("INSERT INTO " + HISTORY
                + " (version, description, script, checksum, applied_at, execution_ms) VALUES (?, ?, ?, ?, ?, ?)"))) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.fileName());
            insert.setString(4, script.checksum());
            dialect.bind(insert, 5, ColumnType.INSTANT, Instant.now());
            insert.setLong(6, (System.nanoTime() - start) / 1_000_000);
            insert.executeUpdate();
        }
    }

    // --- history ---

    /**
     * The scripts up to {@code target} still to apply, after checking the history against the scripts:
     * a changed script, a version this SectorCRM does not know, or a gap before an applied version fails.
     */
    List<MigrationScript> plan(List<Applied> history, int target) {
        Map<Integer, MigrationScript> byVersion = new TreeMap<>();
        for (MigrationScript s : scripts) {
            byVersion.put(s.version(), s);
        }
        int newestApplied = 0;
        for (Applied a : history) {
            MigrationScript s = byVersion.get(a.version());
            if (s == null) {
                throw new SchemaException(String.format("the database%s has migration V%03d (%s), which this SectorCRM does not know (it knows"
                        + " V001 to V%03d): it was migrated by a newer SectorCRM. Run that version, or restore a backup taken before the upgrade",
                        where(), a.version(), a.description(), latestVersion()));
            }
            if (!s.checksum().equals(a.checksum())) {
                throw new SchemaException(String.format("migration %s was changed after it was applied: the database%s recorded SHA-256 %s"
                        + " but %s%s/%s has SHA-256 %s. Released migration scripts must never change: restore the released script and put the"
                        + " change into a new version", s.label(), where(), a.checksum(), MigrationScript.ROOT, dialect.dialect().folder(),
                        s.fileName(), s.checksum()));
            }
            newestApplied = Math.max(newestApplied, a.version());
        }
        List<MigrationScript> pending = new ArrayList<>();
        for (MigrationScript s : byVersion.values()) {
            boolean applied = history.stream().anyMatch(a -> a.version() == s.version());
            if (applied || s.version() > target) {
                continue;
            }
            if (s.version() < newestApplied) {
                throw new SchemaException(String.format("migration %s is missing from the database%s although the later V%03d is applied;"
                        + " the schema history is inconsistent and needs a DBA", s.label(), where(), newestApplied));
            }
            pending.add(s);
        }
        return pending;
    }

    private boolean historyExists(Connection c) throws SQLException {
        String schema = dialect.schema();
        return switch (dialect.dialect()) {
            case POSTGRESQL -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    ps.setString(1, schema == null ? HISTORY : dialect.quote(schema) + "." + HISTORY);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        yield rs.getBoolean(1);
                    }
                }
            }
            case MARIADB -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?")) {
                    ps.setString(1, schema);
                    ps.setString(2, HISTORY);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        yield rs.getInt(1) > 0;
                    }
                }
            }
            case SQLITE -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                    ps.setString(1, HISTORY);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        yield rs.getInt(1) > 0;
                    }
                }
            }
        };
    }

    private List<Applied> readHistory(Connection c) throws SQLException {
        return readHistory(c, true);
    }

    private List<Applied> readHistory(Connection c, boolean qualified) throws SQLException {
        String sql = "SELECT version, description, script, checksum FROM " + HISTORY + " ORDER BY version";
        List<Applied> applied = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(qualified ? dialect.sql(sql) : sql)) {
            while (rs.next()) {
                applied.add(new Applied(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4).strip()));
            }
        }
        return applied;
    }

    private String where() {
        return dialect.schema() == null ? "" : " (" + (dialect.dialect() == Dialect.MARIADB ? "database " : "schema ") + dialect.schema() + ")";
    }

    /** GET_LOCK names are at most 64 characters. */
    private static String lockName(String database) {
        String name = "sectorcrm.migrate." + database;
        if (name.length() <= 64) {
            return name;
        }
        return "sectorcrm.migrate." + MigrationScript.sha256(database).substring(0, 40) + "." + database.getBytes(StandardCharsets.UTF_8).length;
    }
}
