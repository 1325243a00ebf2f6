package org.sectorcrm.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.jdbc.Dialect;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * Where the CRM keeps its data: the one place that turns {@code --db} into a store. A file name (default
 * {@code ./sectorcrm.db}) is a SQLite database; {@code jdbc:sqlite:}, {@code jdbc:postgresql:} and {@code jdbc:mariadb:}
 * URLs are used as given (a PostgreSQL schema goes in the URL: {@code ?currentSchema=crm}). The credentials, sessions
 * and tokens tables live in the same database as the CRM data, so one file (or one schema) is the whole installation.
 */
public final class StorageFactory {
    /** The database used when {@code --db} is not given. */
    public static final String DEFAULT_FILE = "sectorcrm.db";

    private StorageFactory() {
    }

    /**
     * @param storage         the CRM store
     * @param accountsJdbcUrl where the credentials, sessions and tokens tables live
     * @param description     what to tell the operator
     * @param dialect         the SQL engine
     * @param sqliteFile      the SQLite file, or null for other engines
     */
    public record Opened(CrmStorage storage, String accountsJdbcUrl, String description, Dialect dialect, Path sqliteFile) {
    }

    /** {@code --db} could not be used: the message says why. */
    public static final class BadDatabaseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadDatabaseException(String message) {
            super(message);
        }
    }

    /** The store for {@code db} (a file name or a JDBC URL; null for the default file), created when missing. */
    public static Opened open(String db) {
        return open(db, true);
    }

    /**
     * @param create whether a SQLite file that does not exist yet may be created; jobs that read an existing database
     *               refuse instead, so that a mistyped {@code --db} is an error rather than an empty new database
     * @throws BadDatabaseException when {@code db} is neither a file name nor a supported JDBC URL, or the file is missing
     */
    public static Opened open(String db, boolean create) {
        String target = db == null || db.isBlank() ? DEFAULT_FILE : db.strip();
        if (target.startsWith("jdbc:")) {
            String lower = target.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:sqlite:")) {
                return sqlite(Path.of(target.substring("jdbc:sqlite:".length())), create);
            }
            Dialect dialect = lower.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : lower.startsWith("jdbc:mariadb:") ? Dialect.MARIADB : null;
            if (dialect == null) {
                throw new BadDatabaseException("--db " + target + " is not a database SectorCRM runs on: give a SQLite file, or a jdbc:sqlite:,"
                        + " jdbc:postgresql: or jdbc:mariadb: URL");
            }
            JdbcCrmStorage storage = JdbcCrmStorage.builder().url(target).build();
            return new Opened(storage, target, dialect + " at " + withoutPassword(target), dialect, null);
        }
        return sqlite(Path.of(target), create);
    }

    private static Opened sqlite(Path file, boolean create) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(absolute)) {
            throw new BadDatabaseException("there is no SectorCRM database at " + absolute + " (give --db FILE; 'serve' creates a new one)");
        }
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new BadDatabaseException("the folder of --db " + absolute + " does not exist");
        }
        String url = "jdbc:sqlite:" + absolute;
        return new Opened(JdbcCrmStorage.builder().url(url).build(), url, "in the SQLite file " + absolute, Dialect.SQLITE, absolute);
    }

    /** The URL as it may be printed: a password in it is replaced by ***. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
