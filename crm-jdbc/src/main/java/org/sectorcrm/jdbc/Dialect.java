package org.sectorcrm.jdbc;

/**
 * The SQL engines the store supports. Detected from the database's metadata unless set on the
 * builder; each has its own migration scripts and SQL.
 */
public enum Dialect {
    /** SQLite 3.37+ through sqlite-jdbc (shipped: 3.54): one file, one writer at a time. */
    SQLITE("sqlite"),
    /** PostgreSQL 13+ (tested on 15), and the PostgreSQL wire protocol of compatible engines. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6+ (tested on 10.11) with InnoDB. MySQL is not supported. */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's migration scripts: {@code org/sectorcrm/jdbc/migrations/<folder>/}. */
    public String folder() {
        return folder;
    }
}
