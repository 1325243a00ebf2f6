/**
 * The SQL store of SectorCRM: {@link org.sectorcrm.jdbc.JdbcCrmStorage} implements the storage SPI on
 * SQLite (one file, the default for a region), PostgreSQL (shared by several application nodes) and
 * MariaDB, with versioned migrations shipped in this jar and a transactional outbox.
 * See {@code docs/databases.md}.
 */
package org.sectorcrm.jdbc;
