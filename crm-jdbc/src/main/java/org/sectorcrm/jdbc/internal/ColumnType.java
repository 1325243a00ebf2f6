package org.sectorcrm.jdbc.internal;

/**
 * What a column holds, so that each dialect can bind it with its own SQL type: the Java value given to
 * {@link SqlDialect#bind} is the one named here.
 */
public enum ColumnType {
    /** {@link java.util.UUID}, or its canonical lower-case text. */
    UUID,
    /** A region or sector code ({@link String}, ASCII). */
    CODE,
    /** Any {@link String}. */
    TEXT,
    /** {@link java.time.Instant}. */
    INSTANT,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Number} bound as a long. */
    LONG,
    /** {@link java.math.BigDecimal}. */
    DECIMAL,
    /** A JSON document ({@link String}). */
    JSON
}
