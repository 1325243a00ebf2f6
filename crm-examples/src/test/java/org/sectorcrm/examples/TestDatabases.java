package org.sectorcrm.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;


/** Databases for tests, from the shared harness (crm-test-support): a SQLite file, or a PostgreSQL schema or MariaDB database of its own; removed afterwards. */
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

        /** Has the server end every connection the tests opened to this database, as a restart would (PostgreSQL only). */
        default void terminateConnections() {
            throw new UnsupportedOperationException("only a PostgreSQL test database can end its connections");
        }
    }

    /** A SQLite file in a directory of its own (the shared harness's), removed by {@link Database#drop}. */
    static Database sqlite() {
        return over(org.sectorcrm.testing.TestDatabase.sqlite(), "sqlite");
    }

    /**
     * A schema of its own on the PostgreSQL server of the shared harness ({@code CRM_PG_URL}, default
     * {@code jdbc:postgresql://127.0.0.1:5432/test}), dropped afterwards. When the server cannot be reached the calling
     * tests are skipped with a loud message, or fail under {@code -Dcrm.requireAll=true}.
     */
    static Database postgres(String owner) {
        return over(org.sectorcrm.testing.TestDatabase.postgres(), owner);
    }

    /** A database of its own on the MariaDB server of the shared harness ({@code CRM_MARIADB_URL}); skipped or failed like {@link #postgres}. */
    static Database mariadb(String owner) {
        return over(org.sectorcrm.testing.TestDatabase.mariadb(), owner);
    }

    /** One database of the shared harness (crm-test-support), with the {@code --db} text the CLI and server take. */
    private static Database over(org.sectorcrm.testing.TestDatabase harness, String owner) {
        harness.start(owner);
        // SQLite: --db takes a file path; the servers: a JDBC URL of the database with its credentials.
        String db = harness.engine() == org.sectorcrm.testing.Engine.SQLITE ? harness.url().substring("jdbc:sqlite:".length()) : harness.databaseUrl();
        return new Database() {
            @Override
            public String db() {
                return db;
            }

            @Override
            public void terminateConnections() {
                harness.terminateConnections();
            }

            @Override
            public void drop() {
                harness.stop();
            }
        };
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
