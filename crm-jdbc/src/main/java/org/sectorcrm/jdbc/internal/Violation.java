package org.sectorcrm.jdbc.internal;

/** What kind of failure an SQL error is, as far as the SPI's exceptions care. */
public enum Violation {
    /** A primary or unique key is taken. */
    UNIQUE,
    /** A foreign key is missing (insert/update) or still referenced (delete). */
    FOREIGN_KEY,
    /** A deadlock, serialization failure or lock timeout: a concurrency collision worth retrying. */
    TRANSIENT,
    /** Anything else. */
    OTHER
}
