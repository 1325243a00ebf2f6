package org.sectorcrm.jdbc;

/**
 * The shared test-database harness ({@link org.sectorcrm.testing.TestDatabase}: one database per test class,
 * dropped after it) with what crm-jdbc's tests add: the store's dialect and builders pointing at the class's
 * database. Register it as {@code @RegisterExtension static final TestDatabase db = TestDatabase.postgres();}.
 */
public final class TestDatabase extends org.sectorcrm.testing.TestDatabase {

    private TestDatabase(org.sectorcrm.testing.TestDatabase base) {
        super(base);
    }

    public static TestDatabase sqlite() {
        return new TestDatabase(org.sectorcrm.testing.TestDatabase.sqlite());
    }

    public static TestDatabase postgres() {
        return new TestDatabase(org.sectorcrm.testing.TestDatabase.postgres());
    }

    public static TestDatabase mariadb() {
        return new TestDatabase(org.sectorcrm.testing.TestDatabase.mariadb());
    }

    /** Each engine, for parameterised tests. */
    public static TestDatabase of(Dialect dialect) {
        return new TestDatabase(org.sectorcrm.testing.TestDatabase.of(org.sectorcrm.testing.Engine.valueOf(dialect.name())));
    }

    public Dialect dialect() {
        return Dialect.valueOf(engine().name());
    }

    /** The server's JDBC URL (the default database of the server; null for SQLite). */
    public String builderUrl() {
        return serverUrl();
    }

    /**
     * A builder pointing at the class's database: for SQLite at a new file each call (so each call starts
     * empty), for the servers at the class's schema (shared by the calls of one class).
     */
    public JdbcCrmStorage.Builder builder() {
        return builderFor(url());
    }

    public JdbcCrmStorage.Builder builderFor(String jdbcUrl) {
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().url(jdbcUrl);
        if (dialect() != Dialect.SQLITE) {
            b.user(user()).password(password()).schema(schema()).maximumPoolSize(6);
        }
        return b;
    }

    /** A store on empty tables: a new file on SQLite; on the servers the class's schema, migrated, with every row deleted. */
    public JdbcCrmStorage fresh() {
        if (dialect() == Dialect.SQLITE) {
            return builder().build();
        }
        JdbcCrmStorage storage = builder().build();
        try {
            clear();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }
}
