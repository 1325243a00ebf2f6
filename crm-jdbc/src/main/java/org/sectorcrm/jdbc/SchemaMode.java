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
     * Change nothing in the schema; fail unless the database has exactly the migrations of this SectorCRM,
     * unchanged. For deployments whose DBAs apply the scripts themselves. (Like {@link #MIGRATE}, it fills the
     * search index from the stored documents once when a script asked for it, which writes rows only.)
     */
    VALIDATE,
    /**
     * Neither migrate nor check, nor fill the search index that a script asked for. For tools that manage the
     * schema entirely on their own.
     */
    NONE
}
