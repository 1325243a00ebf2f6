package org.sectorcrm.jdbc;

import org.sectorcrm.core.StorageException;

/**
 * The database schema is not what this SectorCRM expects: a migration is missing or failed, an applied
 * migration script has changed since, or the database was migrated by a newer SectorCRM. The message
 * names the versions (and checksums) concerned and what to do.
 */
public class SchemaException extends StorageException {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
