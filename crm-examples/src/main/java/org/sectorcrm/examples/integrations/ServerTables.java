package org.sectorcrm.examples.integrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sectorcrm.core.StorageException;

/**
 * The standalone server's own integration tables (webhook endpoints and their delivery log, mail preferences and the
 * mail log) next to the CRM data, on one connection of their own as the accounts tables do: few, short statements,
 * run under this object's lock. The CRM's own tables, and the outbox consumers' cursors, stay with crm-jdbc.
 */
public final class ServerTables implements AutoCloseable {
    /** Reads one row. */
    @FunctionalInterface
    public interface Row<R> {
        R map(ResultSet rs) throws SQLException;
    }

    private final String jdbcUrl;
    private final Kind kind;
    private Connection connection;

    /** The engine, for the few DDL words that differ. */
    public enum Kind {
        SQLITE, POSTGRESQL, MARIADB
    }

    public ServerTables(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        this.kind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : url.startsWith("jdbc:mariadb:") ? Kind.MARIADB : Kind.SQLITE;
        try {
            this.connection = open();
        } catch (SQLException e) {
            throw new StorageException("cannot open the integration tables at " + printable(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Text that is indexed or compared: MariaDB indexes only bounded text. */
    public String key(int length) {
        return kind == Kind.SQLITE ? "TEXT" : "VARCHAR(" + length + ")";
    }

    /** Unbounded text. */
    public String text() {
        return "TEXT";
    }

    public synchronized void ddl(List<String> statements) {
        try (Statement s = connection.createStatement()) {
            for (String ddl : statements) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new StorageException("creating the integration tables failed: " + e.getMessage(), e);
        }
    }

    public synchronized int update(String sql, Object... args) {
        try {
            return withRetry(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, args);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StorageException("writing the integration tables failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    public synchronized <R> List<R> query(String sql, Row<R> row, Object... args) {
        try {
            return withRetry(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, args);
                    List<R> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row.map(rs));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new StorageException("reading the integration tables failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /** Once more on a new connection when the server dropped the old one (a database restart). */
    private <R> R withRetry(Work<R> work) throws SQLException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            if (!connection.isClosed() && connection.isValid(2)) {
                throw e;
            }
            connection.close();
            connection = open();
            return work.run(connection);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        if (kind == Kind.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000"); // the CRM store's pool writes the same file
            }
        }
        return c;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static String printable(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing is lost
        }
    }
}
