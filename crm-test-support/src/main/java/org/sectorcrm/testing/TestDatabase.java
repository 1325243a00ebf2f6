package org.sectorcrm.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One database per test class, on one engine: a directory of SQLite files, a PostgreSQL schema or a
 * MariaDB database, created before the class's first test and dropped after its last (also when a test fails).
 * Register it as {@code @RegisterExtension static final TestDatabase db = TestDatabase.postgres();}. The one
 * harness of crm-jdbc, crm-examples and crm-bench; crm-jdbc's own {@code TestDatabase} extends it with store builders.
 *
 * <p>Connection settings come from environment variables, with the local servers as defaults:
 * {@code CRM_PG_URL} (jdbc:postgresql://127.0.0.1:5432/test), {@code CRM_PG_USER} (postgres),
 * {@code CRM_PG_PASSWORD} (empty), {@code CRM_MARIADB_URL} (jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable: Connector/J 4 asks for TLS by default, which the local server does not offer),
 * {@code CRM_MARIADB_USER} (root), {@code CRM_MARIADB_PASSWORD} (empty). When a server cannot be reached,
 * the class's tests are skipped with a loud message, unless the system property
 * {@code crm.requireAll=true}: then they fail.
 */
public class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<Engine, String> UNREACHABLE = new ConcurrentHashMap<>();

    private final Engine engine;
    private final String url;
    private final String user;
    private final String password;
    private String name;
    private Path directory;
    /**
     * The databases of the enclosing classes while a {@code @Nested} class runs: JUnit calls a static extension's
     * beforeAll and afterAll again for each nested class, so without this the outer class's database was replaced
     * by the nested one's and never dropped.
     */
    private final java.util.Deque<Object[]> enclosing = new java.util.ArrayDeque<>();
    private final AtomicInteger files = new AtomicInteger();
    private final List<String> extraSchemas = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The database of {@code other}'s engine and server (a subclass wraps a harness made by the factories). */
    protected TestDatabase(TestDatabase other) {
        this(other.engine, other.url, other.user, other.password);
    }

    private TestDatabase(Engine engine, String url, String user, String password) {
        this.engine = engine;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static TestDatabase sqlite() {
        return new TestDatabase(Engine.SQLITE, null, null, null);
    }

    public static TestDatabase postgres() {
        return new TestDatabase(Engine.POSTGRESQL, env("CRM_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"), env("CRM_PG_USER", "postgres"),
                env("CRM_PG_PASSWORD", ""));
    }

    public static TestDatabase mariadb() {
        return new TestDatabase(Engine.MARIADB, env("CRM_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable"), env("CRM_MARIADB_USER", "root"),
                env("CRM_MARIADB_PASSWORD", ""));
    }

    /** Each engine, for parameterised tests. */
    public static TestDatabase of(Engine engine) {
        return switch (engine) {
            case SQLITE -> sqlite();
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Creates the class's database (or skips/fails when the server is absent). */
    public void start(String owner) {
        requireReachable();
        if (name != null) {
            enclosing.push(new Object[] {name, directory});
        }
        String suffix = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        name = "crmt_" + (suffix.length() > 30 ? suffix.substring(0, 30) : suffix) + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try {
            switch (engine) {
                case SQLITE -> directory = Files.createTempDirectory("sectorcrm-" + suffix);
                case POSTGRESQL -> admin("CREATE SCHEMA " + name);
                case MARIADB -> admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another schema (PostgreSQL) or database (MariaDB) name for this class, not created yet (a store or runner
     * creates it), dropped with the class's own. Null on SQLite, where {@link #url()} gives a new file instead.
     */
    public String extraSchema() {
        if (engine == Engine.SQLITE) {
            return null;
        }
        String extra = name + "_x" + (extraSchemas.size() + 1);
        extraSchemas.add(extra);
        return extra;
    }

    /** Drops the class's database. */
    public void stop() {
        if (name == null) {
            return;
        }
        for (String extra : extraSchemas) {
            admin(engine == Engine.POSTGRESQL ? "DROP SCHEMA IF EXISTS " + extra + " CASCADE" : "DROP DATABASE IF EXISTS " + extra);
        }
        extraSchemas.clear();
        switch (engine) {
            case SQLITE -> deleteRecursively(directory);
            case POSTGRESQL -> admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            case MARIADB -> admin("DROP DATABASE IF EXISTS " + name);
        }
        name = null;
        directory = null;
        Object[] outer = enclosing.poll();
        if (outer != null) {
            name = (String) outer[0];
            directory = (Path) outer[1];
        }
    }

    public Engine engine() {
        return engine;
    }

    /** The server's JDBC URL (the default database of the server; null for SQLite). */
    public String serverUrl() {
        return url;
    }

    /**
     * A JDBC URL of the class's own database with the credentials in it, as a {@code --db} option takes it: for
     * SQLite a new file each call; for PostgreSQL the server URL with {@code currentSchema} and an
     * {@code ApplicationName} that marks this class's connections (see {@link #terminateConnections}); for MariaDB
     * the server URL with the database replaced.
     */
    public String databaseUrl() {
        if (engine == Engine.SQLITE) {
            return url();
        }
        String own = engine == Engine.POSTGRESQL ? url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name + "&ApplicationName=" + name
                : url.replaceFirst("(jdbc:mariadb://[^/?]+)/[^?]*", "$1/" + name);
        return own + (own.contains("?") ? "&" : "?") + "user=" + user + (password.isEmpty() ? "" : "&password=" + password);
    }

    /** Has the server end every connection opened through {@link #databaseUrl()}, as a restart would (PostgreSQL only). */
    public void terminateConnections() {
        if (engine != Engine.POSTGRESQL) {
            throw new UnsupportedOperationException("only a PostgreSQL test database can end its connections");
        }
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + name + "'");
    }

    /** The server user (null for SQLite). */
    public String user() {
        return user;
    }

    /** The server password (null for SQLite). */
    public String password() {
        return password;
    }

    /** The schema (PostgreSQL) or database (MariaDB) of this class, or null for SQLite. */
    public String schema() {
        return engine == Engine.SQLITE ? null : name;
    }

    /** A new SQLite file of this class, or the class's schema: where a store built from {@link #builder()} lives. */
    public String url() {
        return engine == Engine.SQLITE ? "jdbc:sqlite:" + directory.resolve("crm-" + files.incrementAndGet() + ".db") : url;
    }

    /** Deletes every row of the class's tables (keeping the schema history and the outbox lock row). */
    public void clear() {
        if (engine == Engine.SQLITE) {
            throw new IllegalStateException("SQLite tests start from a new file instead");
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + name + "' AND table_type = 'BASE TABLE'";
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    if (!t.equals("crm_schema_history") && !t.equals("crm_outbox_lock")) {
                        tables.add(t);
                    }
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            // DELETE rather than TRUNCATE: on a few rows it takes microseconds where TRUNCATE takes a quarter of a
            // second. Employers and partners go last: the other tables reference them.
            tables.sort(Comparator.comparing(t -> t.equals("crm_employer") || t.equals("crm_partner")));
            c.setAutoCommit(false);
            for (String t : tables) {
                st.execute("DELETE FROM " + t);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A connection to the class's database, outside any store (for checks and fixtures). */
    public Connection connect() throws SQLException {
        return connect(name);
    }

    /** A connection to {@code schema} (a server's) or to the SQLite file at the JDBC URL {@code schema}. */
    public Connection connect(String schema) throws SQLException {
        if (engine == Engine.SQLITE) {
            return DriverManager.getConnection(schema);
        }
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement st = c.createStatement()) {
            st.execute(engine == Engine.POSTGRESQL ? "SET search_path TO " + schema : "USE " + schema);
        }
        return c;
    }

    /** A plain, unpooled DataSource on the given URL (a caller's DataSource in tests). */
    public DataSource dataSource(String jdbcUrl) {
        return new SimpleDataSource(jdbcUrl, user, password, engine == Engine.SQLITE ? null : name, engine);
    }

    /** A plain DataSource on the class's database (for SQLite: on a new file). */
    public DataSource dataSource() {
        return dataSource(url());
    }

    /** Runs a statement on the server as its administrator (outside the class's database). */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private void requireReachable() {
        String reason = unavailableReason();
        if (reason != null) {
            System.err.println(reason);
            throw new TestAbortedException(reason);
        }
    }

    /**
     * Null when the server answers; otherwise the loud reason its tests are skipped.
     *
     * @throws IllegalStateException when the server is absent and {@code crm.requireAll=true}: then that is a failure
     */
    public String unavailableReason() {
        if (engine == Engine.SQLITE) {
            return null;
        }
        String problem = UNREACHABLE.computeIfAbsent(engine, d -> {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                return c.isValid(10) ? "" : "the connection is not valid";
            } catch (SQLException e) {
                return e.getMessage();
            }
        });
        if (problem.isEmpty()) {
            return null;
        }
        String where = engine + " at " + url + " (user " + user + ") is not reachable: " + problem;
        if (Boolean.getBoolean("crm.requireAll")) {
            throw new IllegalStateException("crm.requireAll=true and " + where + ". Start the server or set the CRM_* variables.");
        }
        return "!!! " + where + ". Its tests are SKIPPED. Start the server or set the CRM_* variables; -Dcrm.requireAll=true makes this a failure.";
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DriverManager behind the DataSource interface: what an embedder's plain DataSource looks like. */
    private record SimpleDataSource(String url, String user, String password, String schema, Engine engine) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
            if (schema != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(engine == Engine.POSTGRESQL ? "SET search_path TO " + schema : "USE " + schema);
                }
            }
            return c;
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
