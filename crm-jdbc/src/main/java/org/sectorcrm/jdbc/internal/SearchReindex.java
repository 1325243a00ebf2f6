package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Fills the {@link SearchIndex} from the stored documents when a migration asked for it by leaving the row of
 * {@code crm_search_reindex} (V003 does: SQL cannot cut text the way {@code SearchTerms.tokens} does). Runs when
 * the store is built, before it serves anything, in chunks of {@value #CHUNK} records, each chunk in a
 * transaction of its own that moves the row's cursor (type, last id) on, so that a large database is not
 * indexed in one huge transaction and an interrupted run resumes where it stopped. The row is locked by each
 * chunk, so nodes starting together take turns and none indexes a chunk twice; the records of a chunk are
 * locked too, so a concurrent save (on a node already running) is indexed by whichever of the two comes last.
 */
public final class SearchReindex {
    static final int CHUNK = 500;
    static final String TABLE = "crm_search_reindex";
    static final List<String> COLUMNS = List.of("id", "record_type", "after_id");

    private SearchReindex() {
    }

    /** Runs until the index is complete (at once when nothing was asked). */
    public static void run(Engine engine) {
        while (Boolean.TRUE.equals(engine.run(false, tx -> step(((JdbcTransaction) tx).writable())))) {
            // one chunk per transaction
        }
    }

    /** One chunk; whether there may be more. */
    private static boolean step(TxState s) {
        SqlDialect d = s.dialect();
        List<String[]> request;
        try {
            request = s.query(new Sql("SELECT record_type, after_id FROM crm_search_reindex WHERE id = 1" + d.forUpdate()),
                    (rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)});
        } catch (JdbiException e) {
            throw s.failure("reading crm_search_reindex", e);
        }
        if (request.isEmpty()) {
            return false;
        }
        List<AggregateType<?, ?, ?>> types = AggregateTypes.all();
        String key = request.get(0)[0];
        int index = 0;
        while (key != null && index < types.size() && !types.get(index).key().equals(key)) {
            index++;
        }
        if (index == types.size()) {
            // A type this version no longer has: index every type again rather than guess.
            index = 0;
        }
        AggregateType<?, ?, ?> type = types.get(index);
        String last = chunk(s, Tables.of(type), type.key().equals(key) ? request.get(0)[1] : null);
        try {
            if (last != null) {
                s.update(new Sql("UPDATE crm_search_reindex SET record_type = ?, after_id = ? WHERE id = 1", d.arg(ColumnType.TEXT, type.key()),
                        d.arg(ColumnType.TEXT, last)));
            } else if (index + 1 < types.size()) {
                s.update(new Sql("UPDATE crm_search_reindex SET record_type = ?, after_id = NULL WHERE id = 1",
                        d.arg(ColumnType.TEXT, types.get(index + 1).key())));
            } else {
                s.update(new Sql("DELETE FROM crm_search_reindex WHERE id = 1"));
            }
        } catch (JdbiException e) {
            throw s.failure("updating crm_search_reindex", e);
        }
        return true;
    }

    /** Re-indexes the next records of {@code table} after {@code after}; the last id done, or null when the table is done. */
    private static <I extends Id, T extends Aggregate<I>> String chunk(TxState s, Table<I, T, ?> table, String after) {
        SqlDialect d = s.dialect();
        Sql sql = new Sql("SELECT t.doc FROM " + table.name + " t");
        if (after != null) {
            sql.add(" WHERE t.id > " + d.param(table.idType()), d.arg(table.idType(), table.uuidIds() ? java.util.UUID.fromString(after) : after));
        }
        sql.add(" ORDER BY t.id LIMIT " + CHUNK + d.forUpdate());
        try {
            List<T> records = new ArrayList<>();
            for (String doc : s.query(sql, (rs, ctx) -> rs.getString(1))) {
                records.add(s.documents().read(doc, table.type.recordClass()));
            }
            List<List<Argument>> ids = new ArrayList<>();
            for (T r : records) {
                ids.add(List.of(d.arg(ColumnType.TEXT, table.recordType()), d.arg(ColumnType.TEXT, r.id().asString())));
            }
            s.batch("DELETE FROM crm_search_word WHERE record_type = ? AND record_id = ?", ids);
            SearchIndex.insert(s, records, table);
            return records.size() < CHUNK ? null : records.get(records.size() - 1).id().asString();
        } catch (JdbiException e) {
            throw s.failure("indexing " + table.recordType() + " records for search", e);
        }
    }
}
