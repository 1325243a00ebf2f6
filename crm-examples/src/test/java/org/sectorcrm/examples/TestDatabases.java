package org.sectorcrm.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.opentest4j.TestAbortedException;

/** Databases for tests: a SQLite file in a fresh temporary directory, or a PostgreSQL schema of its own; removed afterwards. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** A database the tests open through the same {@link StorageFactory} as {@code --db}. */
    interface Database {
        /** What {@code --db} is given for it. */
        String db();

        default StorageFactory.Opened open() {
            return StorageFactory.open(db());
        }

        /** Removes what the tests left (after every store on it is closed). */
        void drop();
    }

    static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("sectorcrm-test");
            Path file = dir.resolve("sectorcrm.db");
            return new Database() {
                @Override
                public String db() {
                    return file.toString();
                }

                @Override
                public void drop() {
                    deleteTree(dir);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema of its own on the PostgreSQL server of {@code CRM_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
     * user {@code CRM_PG_USER} or postgres, password {@code CRM_PG_PASSWORD}), dropped afterwards. When the server cannot
     * be reached the calling tests are skipped with a loud message, or fail under {@code -Dcrm.requireAll=true}.
     */
    static Database postgres(String owner) {
        String base = env("CRM_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = name(owner);
        return server("PostgreSQL", base, env("CRM_PG_USER", "postgres"), env("CRM_PG_PASSWORD", ""), "CREATE SCHEMA " + schema,
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /**
     * A database of its own on the MariaDB server of {@code CRM_MARIADB_URL} (default
     * {@code jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable}, user {@code CRM_MARIADB_USER} or root, password
     * {@code CRM_MARIADB_PASSWORD}), dropped afterwards; skipped or failed like {@link #postgres}.
     */
    static Database mariadb(String owner) {
        String base = env("CRM_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable");
        String database = name(owner);
        String url = base.replaceFirst("(jdbc:mariadb://[^/?]+)/[^?]*", "$1/" + database);
        return server("MariaDB", base, env("CRM_MARIADB_USER", "root"), env("CRM_MARIADB_PASSWORD", ""),
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin", "DROP DATABASE IF EXISTS " + database, url);
    }

    private static String name(String owner) {
        String suffix = owner.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "crmx_" + (suffix.length() > 30 ? suffix.substring(0, 30) : suffix) + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    private static Database server(String engine, String base, String user, String password, String create, String dropSql, String url) {
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute(create);
        } catch (SQLException e) {
            String message = engine + " at " + base + " (user " + user + ") cannot be reached: " + e.getMessage();
            if (Boolean.getBoolean("crm.requireAll")) {
                throw new AssertionError(message + "; crm.requireAll=true makes this a failure", e);
            }
            System.err.println("*** SKIPPED: " + message + " (run with -Dcrm.requireAll=true to make this a failure) ***");
            throw new TestAbortedException(message);
        }
        String db = url + (url.contains("?") ? "&" : "?") + "user=" + user + (password.isEmpty() ? "" : "&password=" + password);
        return new Database() {
            @Override
            public String db() {
                return db;
            }

            @Override
            public void drop() {
                try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
                    st.execute(dropSql);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop the test database: " + dropSql + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
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
}
