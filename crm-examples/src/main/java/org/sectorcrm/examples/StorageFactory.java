package org.sectorcrm.examples;

import java.nio.file.Path;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * Where the CRM keeps its data: the one place that chooses a store. {@code serve --db FILE} is meant for the SQLite
 * store of crm-jdbc; until that store is on main the data are kept in memory (and the accounts tables with them),
 * and the server says so loudly when it starts.
 */
public final class StorageFactory {
    private StorageFactory() {
    }

    /**
     * @param storage        the CRM store
     * @param accountsJdbcUrl where the credentials, sessions and tokens tables live
     * @param description    what to tell the operator
     * @param durable        whether the data survive a restart
     */
    public record Opened(CrmStorage storage, String accountsJdbcUrl, String description, boolean durable) {
    }

    /** A store for {@code db}: a file path, or a JDBC URL. */
    public static Opened open(String db) {
        String target = db == null ? Path.of("sectorcrm.db").toString() : db;
        return new Opened(new InMemoryCrmStorage(), "jdbc:sqlite::memory:",
                "in memory (the SQLite store for " + target + " is not in this build yet): data are lost when the server stops", false);
    }

    /** An in-memory store for tests and trials. */
    public static Opened inMemory() {
        return new Opened(new InMemoryCrmStorage(), "jdbc:sqlite::memory:", "in memory", false);
    }
}
