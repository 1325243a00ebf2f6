package org.sectorcrm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.type.AggregateType;

/**
 * {@code CrmStorage.find(type, id)} outside any transaction, on SQLite with the store's own pool: the one
 * {@code SELECT doc ... WHERE id = ?} on a statement prepared once per pooled connection, in auto-commit, without a
 * Jdbi handle. Profiled for issue 13: preparing the statement anew on each call (SQLite parses and plans it) was a
 * third of the native time of a get-by-id, and opening a Jdbi handle, copying its configuration and finding an
 * argument factory most of the Java time besides the JSON decode; the raw-JDBC baseline does neither.
 *
 * <p>The statements are prepared on the physical connection under the pool's proxy, so that the pool does not close
 * them when the connection goes back (it closes the statements made through the proxy). A connection is used by one
 * thread at a time (it is borrowed), so its statements are too; the map is weak on the physical connection, so a
 * connection the pool retires takes its statements with it (SQLite finalises them when it closes). Closing the result
 * set resets the statement, which ends its implicit read transaction, as one auto-commit statement does.
 */
final class DirectFind {
    private final DataSource pool;
    private final SqlDialect dialect;
    private final Documents documents;
    private final Map<Connection, Map<String, PreparedStatement>> statements = Collections.synchronizedMap(new WeakHashMap<>());

    DirectFind(DataSource pool, SqlDialect dialect, Documents documents) {
        this.pool = pool;
        this.dialect = dialect;
        this.documents = documents;
    }

    <I extends Id, T extends Aggregate<I>, F> Optional<T> find(AggregateType<I, T, F> type, I id) {
        Table<I, T, F> table = Tables.of(type);
        String sql = dialect.sql("SELECT t.doc FROM " + table.name + " t WHERE t.id = " + dialect.param(table.idType()));
        String doc;
        try (Connection proxy = pool.getConnection()) {
            PreparedStatement ps = statement(proxy.unwrap(Connection.class), sql);
            dialect.bind(ps, 1, table.idType(), table.uuidIds() ? Tables.uuid(id) : id.asString());
            try (ResultSet rs = ps.executeQuery()) {
                doc = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StorageException("reading " + table.recordType() + " " + id.asString() + " failed on " + dialect.dialect() + ": "
                    + e.getMessage(), e);
        }
        return doc == null ? Optional.empty() : Optional.of(documents.read(doc, table.type.recordClass()));
    }

    private PreparedStatement statement(Connection physical, String sql) throws SQLException {
        Map<String, PreparedStatement> mine = statements.computeIfAbsent(physical, c -> new HashMap<>());
        PreparedStatement ps = mine.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = physical.prepareStatement(sql);
            mine.put(sql, ps);
        }
        return ps;
    }
}
