package org.sectorcrm.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tables and columns a database really has, read from the engine's catalog (JDBC metadata). */
final class SchemaCatalog {
    private SchemaCatalog() {
    }

    /**
     * Every {@code crm_...} table of {@code target} (the PostgreSQL schema or MariaDB database; ignored on SQLite,
     * whose connection is the file) with its columns, names in lower case. The schema history is left out.
     */
    static Map<String, Set<String>> read(Connection c, Dialect dialect, String target) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = dialect == Dialect.MARIADB ? target : null;
        String schema = dialect == Dialect.POSTGRESQL ? target : null;
        Map<String, Set<String>> tables = new TreeMap<>();
        try (ResultSet rs = md.getTables(catalog, schema, "crm%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("crm_schema_history")) {
                    tables.put(name, new TreeSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> t : tables.entrySet()) {
            try (ResultSet rs = md.getColumns(catalog, schema, t.getKey(), "%")) {
                while (rs.next()) {
                    t.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
