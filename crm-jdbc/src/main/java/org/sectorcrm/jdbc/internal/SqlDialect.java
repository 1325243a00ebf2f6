package org.sectorcrm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.jdbc.Dialect;

import com.zaxxer.hikari.HikariConfig;

/**
 * Everything that differs between the engines at run time: how values are bound, how search is
 * expressed, how errors are classified, how connections and transactions are prepared. The SQL the
 * stores build is otherwise shared.
 */
public abstract class SqlDialect {
    private static final Pattern TABLE = Pattern.compile("(?<![\\w.`\"])crm_[a-z0-9_]+\\b");

    private final String prefix;
    private final Map<String, String> qualified = new ConcurrentHashMap<>();

    protected SqlDialect(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The dialect for {@code dialect}; {@code schema} (PostgreSQL schema, MariaDB database, null for the
     * connection's default) qualifies every table name in the SQL the stores run.
     */
    public static SqlDialect of(Dialect dialect, String schema) {
        return switch (dialect) {
            case SQLITE -> new SqliteDialect();
            case POSTGRESQL -> new PostgresDialect(schema);
            case MARIADB -> new MariaDbDialect(schema);
        };
    }

    public abstract Dialect dialect();

    /** The schema (or MariaDB database) tables live in, or null for the connection's default. */
    public abstract String schema();

    /** The statement with every {@code crm_...} table name qualified by the configured schema. */
    public String sql(String sql) {
        if (prefix.isEmpty()) {
            return sql;
        }
        return qualified.computeIfAbsent(sql, s -> {
            Matcher m = TABLE.matcher(s);
            return m.replaceAll(r -> Matcher.quoteReplacement(prefix + r.group()));
        });
    }

    // --- values ---

    /** The placeholder for a value of this type: usually {@code ?}, sometimes wrapped in a cast or conversion. */
    public String param(ColumnType type) {
        return "?";
    }

    /** Binds {@code value} (the Java type {@link ColumnType} names, or null) at {@code position}. */
    public abstract void bind(PreparedStatement statement, int position, ColumnType type, Object value) throws SQLException;

    public Argument arg(ColumnType type, Object value) {
        return new TypedArgument(this, type, value);
    }

    /** Whether {@code arg} is one of {@link #arg}'s, which bind through the dialect alone ({@link #bindDirect}), with no jdbi statement around them. */
    static boolean direct(Argument arg) {
        return arg instanceof TypedArgument;
    }

    /** Binds an argument of {@link #arg} straight on a JDBC statement (see {@link #direct}). */
    static void bindDirect(Argument arg, PreparedStatement statement, int position) throws SQLException {
        TypedArgument t = (TypedArgument) arg;
        t.dialect().bind(statement, position, t.type(), t.value());
    }

    /**
     * {@code expression} (the text of an id, as the search index keeps it) as a value comparable with an id column
     * of {@code idType}.
     */
    public String idFromText(String expression, ColumnType idType) {
        return expression;
    }

    /** What locks the rows a SELECT reads until the transaction ends ({@code FOR UPDATE}); empty where writers are serialised anyway. */
    public String forUpdate() {
        return " FOR UPDATE";
    }

    // --- errors ---

    public abstract Violation classify(SQLException e);

    /**
     * Whether the database answered this failure by rolling back the whole transaction, savepoints
     * included (not just the failed statement): the transaction can then only be rolled back, since
     * anything run or committed after it would be a new transaction holding part of the work.
     */
    public boolean abortsTransaction(SQLException e) {
        return false;
    }

    // --- connections and transactions ---

    /** Pool settings for a pool the store owns (URL mode). */
    public void configurePool(HikariConfig config, Duration busyTimeout) {
    }

    /**
     * Prepares a connection from a caller's {@code DataSource} before a transaction the store starts
     * itself: settings a pool the store owns would have set once per connection.
     */
    public void prepareBorrowed(Connection connection, Duration busyTimeout) throws SQLException {
    }

    /** Runs just before {@code setAutoCommit(false)} starts the store's own transaction. */
    public void beforeBegin(Connection connection, boolean readOnly) throws SQLException {
    }

    /** Runs after {@code setAutoCommit(false)}, before the first statement of the store's own transaction. */
    public void afterBegin(Connection connection, boolean borrowed) throws SQLException {
    }

    /** Runs just before the store's own transaction commits. */
    public void beforeCommit(Connection connection) throws SQLException {
    }

    /**
     * Whether each write runs under its own savepoint, so that a failed statement (a conflict the caller
     * may catch) leaves the rest of the transaction usable and unchanged.
     */
    public abstract boolean savepointPerWrite();

    /**
     * Takes the lock that orders outbox appends, held until the transaction ends, so that sequence
     * order equals commit order.
     */
    public abstract void lockOutbox(Handle handle);

    /** Whether one writer at a time is enforced in this process (SQLite). */
    public boolean singleWriter() {
        return false;
    }

    /** Checks, once the schema is in place, that the engine's settings let the store keep its promises. */
    public void inspect(Handle handle) {
    }

    /** Quotes an identifier (a schema or database name, already validated). */
    public abstract String quote(String identifier);

    /** A jdbi argument that binds through the dialect. */
    private record TypedArgument(SqlDialect dialect, ColumnType type, Object value) implements Argument {
        @Override
        public void apply(int position, PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
            dialect.bind(statement, position, type, value);
        }

        @Override
        public String toString() {
            return type + ":" + value;
        }
    }
}
