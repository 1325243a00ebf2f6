package org.sectorcrm.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.jdbc.internal.Documents;
import org.sectorcrm.jdbc.internal.Engine;
import org.sectorcrm.jdbc.internal.MigrationRunner;
import org.sectorcrm.jdbc.internal.ColumnRefill;
import org.sectorcrm.jdbc.internal.SearchReindex;
import org.sectorcrm.jdbc.internal.SqlDialect;
import org.sectorcrm.json.CrmJson;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * The storage SPI on SQL: SQLite, PostgreSQL or MariaDB. Build it with {@link #builder()} from either
 *
 * <ul>
 *   <li>a {@link DataSource} the caller owns and closes (its connections may take part in the caller's
 *       own transactions: a transaction-aware {@code DataSource} whose connection is already in a
 *       transaction is joined, and the caller commits), or</li>
 *   <li>a JDBC URL, for which the store runs its own HikariCP pool and closes it in {@link #close()}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url("jdbc:sqlite:/var/lib/sectorcrm/crm.db").build()) {
 *     Crm crm = Crm.builder().storage(storage).build();
 *     ...
 * }
 * }</pre>
 *
 * Every aggregate is a row of typed columns (those filters and reports query) plus the aggregate as JSON;
 * saves are optimistic ({@code UPDATE ... WHERE id = ? AND version = ?}); queries page by id; search runs
 * on one word index for every type, written with each record; domain events go to an outbox table in the
 * same transaction. See
 * {@code docs/databases.md}.
 */
public final class JdbcCrmStorage implements CrmStorage {
    private final Engine engine;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcCrmStorage(Engine engine, HikariDataSource ownedPool, Dialect dialect) {
        this.engine = engine;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        requireOpen();
        return engine.run(false, work);
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        requireOpen();
        return engine.run(true, work);
    }

    /** One SELECT in auto-commit outside a transaction (no BEGIN and COMMIT); inside one, it joins it like {@link #read}. */
    @Override
    public <I extends org.sectorcrm.core.Id, T extends org.sectorcrm.core.Aggregate<I>, F> java.util.Optional<T> find(
            org.sectorcrm.core.type.AggregateType<I, T, F> type, I id) {
        requireOpen();
        return engine.find(type, id);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.REFERENTIAL_INTEGRITY, Capability.EVENT_LOG);
    }

    /** The engine this store runs on. */
    public Dialect dialect() {
        return dialect;
    }

    /** Closes the pool the store owns (URL mode); a caller's DataSource stays open. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            ownedPool.close();
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this JdbcCrmStorage is closed");
        }
    }

    /**
     * Configures a {@link JdbcCrmStorage}. Give exactly one of {@link #dataSource} and {@link #url}; every
     * other setting has a default. Settings are checked as they are given, the connection when building.
     */
    public static final class Builder {
        private static final java.util.regex.Pattern SCHEMA_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private Dialect dialect;
        private SchemaMode schemaMode;
        private String schema;
        private Integer maximumPoolSize;
        private Duration busyTimeout;

        private Builder() {
        }

        /** Connections from the caller's DataSource, which the caller closes (the store never does). */
        public Builder dataSource(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "dataSource");
            if (this.dataSource != null) {
                throw new IllegalStateException("dataSource was already set");
            }
            if (url != null) {
                throw new IllegalStateException("url was already set to " + url + "; give a DataSource or a JDBC URL, not both");
            }
            this.dataSource = dataSource;
            return this;
        }

        /**
         * A JDBC URL ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://...}, {@code jdbc:mariadb://...}): the
         * store opens a HikariCP pool on it and closes the pool in {@link JdbcCrmStorage#close()}.
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            if (this.url != null) {
                throw new IllegalStateException("url was already set to " + this.url);
            }
            if (dataSource != null) {
                throw new IllegalStateException("a dataSource was already set; give a DataSource or a JDBC URL, not both");
            }
            if (!url.startsWith("jdbc:")) {
                throw new IllegalArgumentException("url must be a JDBC URL starting with 'jdbc:' but was '" + url + "'");
            }
            this.url = url;
            return this;
        }

        /** The user for {@link #url} (or put it in the URL). */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (this.user != null) {
                throw new IllegalStateException("user was already set to " + this.user);
            }
            this.user = user;
            return this;
        }

        /** The password for {@link #url}. */
        public Builder password(String password) {
            Objects.requireNonNull(password, "password");
            if (this.password != null) {
                throw new IllegalStateException("password was already set");
            }
            this.password = password;
            return this;
        }

        /** The engine, when detecting it from the database's metadata is not wanted (or not possible). */
        public Builder dialect(Dialect dialect) {
            Objects.requireNonNull(dialect, "dialect");
            if (this.dialect != null) {
                throw new IllegalStateException("dialect was already set to " + this.dialect);
            }
            this.dialect = dialect;
            return this;
        }

        /** What to do with the schema when building; {@link SchemaMode#MIGRATE} by default. */
        public Builder schemaMode(SchemaMode schemaMode) {
            Objects.requireNonNull(schemaMode, "schemaMode");
            if (this.schemaMode != null) {
                throw new IllegalStateException("schemaMode was already set to " + this.schemaMode);
            }
            this.schemaMode = schemaMode;
            return this;
        }

        /**
         * The PostgreSQL schema or MariaDB database holding the tables (created by {@link SchemaMode#MIGRATE} when
         * missing); by default the connection's own. Not for SQLite, where a database is a file.
         */
        public Builder schema(String schema) {
            Objects.requireNonNull(schema, "schema");
            if (this.schema != null) {
                throw new IllegalStateException("schema was already set to " + this.schema);
            }
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema must be 1-63 letters, digits or '_', not starting with a digit, but was '" + schema + "'");
            }
            this.schema = schema;
            return this;
        }

        /** The size of the pool the store owns (URL mode); 4 on SQLite, 10 otherwise by default. */
        public Builder maximumPoolSize(int maximumPoolSize) {
            if (this.maximumPoolSize != null) {
                throw new IllegalStateException("maximumPoolSize was already set to " + this.maximumPoolSize);
            }
            if (maximumPoolSize < 1) {
                throw new IllegalArgumentException("maximumPoolSize must be at least 1 but was " + maximumPoolSize);
            }
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /**
         * How long SQLite waits for another process's write lock before failing (30 s by default). Writers of
         * this process never wait for each other here: the store serialises them itself.
         */
        public Builder busyTimeout(Duration busyTimeout) {
            Objects.requireNonNull(busyTimeout, "busyTimeout");
            if (this.busyTimeout != null) {
                throw new IllegalStateException("busyTimeout was already set to " + this.busyTimeout);
            }
            if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms but was " + busyTimeout);
            }
            this.busyTimeout = busyTimeout;
            return this;
        }

        /**
         * Connects, checks the engine, applies the schema mode and returns the store.
         *
         * @throws IllegalStateException when neither a DataSource nor a URL was given, or settings contradict each other
         * @throws StorageException when the database cannot be reached or is not supported
         * @throws SchemaException when the schema is not (or cannot be made) what this SectorCRM expects
         */
        public JdbcCrmStorage build() {
            if (dataSource == null && url == null) {
                throw new IllegalStateException("give a dataSource or a url");
            }
            if ((user != null || password != null || maximumPoolSize != null) && url == null) {
                throw new IllegalStateException("user, password and maximumPoolSize apply to a url; a DataSource brings its own");
            }
            Dialect chosen = dialect != null ? dialect : url != null ? fromUrl(url) : null;
            if (chosen == Dialect.SQLITE && schema != null) {
                throw new IllegalStateException("schema is not supported on SQLite: a SQLite database is one file, so use one file per database");
            }
            if (url != null && chosen == null) {
                throw new IllegalStateException("cannot tell the dialect of " + url + " from its prefix; set dialect(...)");
            }
            if (chosen == Dialect.SQLITE && url != null && isInMemory(url)) {
                throw new IllegalArgumentException("an in-memory SQLite database (" + url + ") is one per connection and vanishes with it:"
                        + " give a file, e.g. jdbc:sqlite:/path/to/crm.db");
            }
            Duration timeout = busyTimeout != null ? busyTimeout : Duration.ofSeconds(30);
            HikariDataSource pool = url != null ? openPool(chosen, timeout) : null;
            DataSource ds = pool != null ? pool : dataSource;
            try {
                Dialect detected = inspect(ds, chosen);
                SqlDialect sql = SqlDialect.of(detected, schema);
                if (detected == Dialect.SQLITE) {
                    useWal(ds);
                }
                SchemaMode mode = schemaMode != null ? schemaMode : SchemaMode.MIGRATE;
                if (mode == SchemaMode.MIGRATE) {
                    new MigrationRunner(ds, sql).migrate();
                } else if (mode == SchemaMode.VALIDATE) {
                    new MigrationRunner(ds, sql).validate();
                }
                Jdbi jdbi = Jdbi.create(ds);
                // The store ends its transactions itself and may hand back a connection a caller's transaction
                // still owns; SQL is used as written (no template engine: '<' in SQL must stay '<').
                jdbi.getConfig(Handles.class).setForceEndTransactions(false);
                jdbi.setTemplateEngine(TemplateEngine.NOP);
                if (mode != SchemaMode.NONE) {
                    jdbi.useHandle(sql::inspect);
                }
                Documents documents = new Documents(CrmJson.mapper());
                Engine engine = new Engine(jdbi, sql, documents, pool == null, timeout, pool);
                if (mode != SchemaMode.NONE) {
                    // Before anything is served: a migration may have asked for the search index to be filled.
                    SearchReindex.run(engine);
                    // ... and the typed columns a migration added to rows written before it (V015's report columns).
                    ColumnRefill.run(engine);
                }
                return new JdbcCrmStorage(engine, pool, detected);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }

        private HikariDataSource openPool(Dialect d, Duration timeout) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("sectorcrm-" + d.folder());
            config.setJdbcUrl(url);
            if (user != null) {
                config.setUsername(user);
            }
            if (password != null) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(maximumPoolSize != null ? maximumPoolSize : d == Dialect.SQLITE ? 4 : 10);
            config.setMinimumIdle(1);
            SqlDialect.of(d, schema).configurePool(config, timeout);
            try {
                return new HikariDataSource(config);
            } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
                throw new StorageException("cannot open a connection pool on " + url + ": " + rootMessage(e), e);
            }
        }

        private static Dialect fromUrl(String url) {
            String u = url.toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:sqlite:")) {
                return Dialect.SQLITE;
            }
            if (u.startsWith("jdbc:postgresql:")) {
                return Dialect.POSTGRESQL;
            }
            if (u.startsWith("jdbc:mariadb:")) {
                return Dialect.MARIADB;
            }
            return null;
        }

        private static boolean isInMemory(String url) {
            String rest = url.substring("jdbc:sqlite:".length());
            return rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory");
        }

        /** The engine behind {@code ds}, checked against the one asked for and its minimum version. */
        private static Dialect inspect(DataSource ds, Dialect asked) {
            try (Connection c = ds.getConnection()) {
                DatabaseMetaData md = c.getMetaData();
                String product = md.getDatabaseProductName();
                int major = md.getDatabaseMajorVersion();
                int minor = md.getDatabaseMinorVersion();
                Dialect detected = switch (product.toLowerCase(Locale.ROOT)) {
                    case "sqlite" -> Dialect.SQLITE;
                    case "postgresql" -> Dialect.POSTGRESQL;
                    case "mariadb" -> Dialect.MARIADB;
                    case "mysql" -> throw new StorageException("MySQL " + md.getDatabaseProductVersion() + " is not supported: SectorCRM runs on MariaDB"
                            + " (its JSON, collations and DDL behave differently on MySQL)");
                    default -> null;
                };
                if (asked == null && detected == null) {
                    throw new StorageException("the database is " + product + ", which SectorCRM does not know; set dialect(...) if it speaks the SQL"
                            + " of one of " + java.util.Arrays.toString(Dialect.values()));
                }
                Dialect d = asked != null ? asked : detected;
                if (d == detected) {
                    requireVersion(d, major, minor, md.getDatabaseProductVersion());
                }
                return d;
            } catch (SQLException e) {
                throw new StorageException("cannot connect to the database: " + e.getMessage(), e);
            }
        }

        private static void requireVersion(Dialect d, int major, int minor, String version) {
            boolean ok = switch (d) {
                // STRICT tables; FTS5 and ALTER TABLE DROP COLUMN for the scripts up to V003.
                case SQLITE -> major > 3 || major == 3 && minor >= 37;
                // GENERATED ... AS IDENTITY, array_to_tsvector (V001); 13 is the oldest release still maintained when this was written.
                case POSTGRESQL -> major >= 13;
                // CREATE INDEX IF NOT EXISTS, utf8mb4_nopad_bin, JSON with CHECK; 10.6 is the oldest long-term release.
                case MARIADB -> major > 10 || major == 10 && minor >= 6;
            };
            if (!ok) {
                throw new StorageException(d + " " + version + " is too old for SectorCRM; see docs/databases.md for the supported versions");
            }
        }

        private static void useWal(DataSource ds) {
            // WAL lets readers go on while one writer writes; it is a property of the database file.
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                if (c.getAutoCommit()) {
                    st.execute("PRAGMA journal_mode = WAL");
                }
            } catch (SQLException e) {
                throw new StorageException("cannot switch the SQLite database to WAL: " + e.getMessage(), e);
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }
    }
}
