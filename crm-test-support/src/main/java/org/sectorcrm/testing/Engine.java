package org.sectorcrm.testing;

/** The database engines the tests run on. */
public enum Engine {
    SQLITE,
    POSTGRESQL,
    MARIADB
}
