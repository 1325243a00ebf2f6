package org.sectorcrm.jdbc;

/** What the store does with the database schema when it is built. */
public enum SchemaMode {
    /**
     * Apply the migrations the database lacks, under a database lock so that several nodes starting at
     * once migrate exactly once. Fails when an applied script has changed since (checksum) or the
     * database is newer than this SectorCRM. The default.
     */
    MIGRATE,
    /**
     * Change nothing; fail unless the database has exactly the migrations of this SectorCRM, unchanged.
     * For deployments whose DBAs apply the scripts themselves.
     */
    VALIDATE,
    /** Neither migrate nor check. For tools that manage the schema entirely on their own. */
    NONE
}
