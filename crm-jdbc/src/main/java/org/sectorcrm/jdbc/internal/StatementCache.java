package org.sectorcrm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The statements of transactions prepared once per pooled connection, on SQLite with the store's own pool (as
 * {@link DirectFind} does for the find by id outside transactions). Profiled for issue 13: a single create prepared
 * each of its statements anew (SQLite parses and plans each) where the raw-JDBC baseline prepares them once.
 *
 * <p>Prepared on the physical connection under the pool's proxy, so that the pool does not close them when the
 * connection goes back; a connection is used by one thread at a time, and so are its statements. Each connection
 * keeps its {@value #PER_CONNECTION} most recently used statements (filters combine into many shapes); an older one is
 * closed. SQLite prepares a statement again by itself when the schema changed under it.
 */
final class StatementCache {
    static final int PER_CONNECTION = 64;
    private final Map<Connection, Map<String, PreparedStatement>> statements = Collections.synchronizedMap(new WeakHashMap<>());

    /** The statement of {@code sql} on {@code connection}'s physical connection, its parameters cleared. Never close it. */
    PreparedStatement get(Connection connection, String sql) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> mine = statements.computeIfAbsent(physical, c -> new LinkedHashMap<>(32, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException e) {
                    // finalised with its connection at the latest
                }
                return true;
            }
        });
        PreparedStatement ps = mine.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = physical.prepareStatement(sql);
            mine.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }
}
