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
 * Fills the typed columns and child rows of records written before a migration added them, from their documents,
 * when the migration asked for it with a row of {@code crm_column_refill} per type (V015 does: the report columns are
 * computed in Java, such as a referral's exact response milliseconds, so SQL cannot copy them from the JSON). The
 * values come from the same {@link Table} layout every save writes, so a refilled row is the row a save would write.
 * Runs when the store is built, before it serves anything, in chunks of {@value #CHUNK} records, each in a transaction
 * of its own that moves the row's cursor on (a large database is not rewritten in one huge transaction, and an
 * interrupted run resumes where it stopped); the row and the chunk's records are locked, so nodes starting together
 * take turns and a concurrent save is kept by whichever comes last (both write the same values). The documents and
 * versions are left as they are: nothing a reader sees changes.
 */
public final class ColumnRefill {
    static final int CHUNK = 500;
    static final String TABLE = "crm_column_refill";
    static final List<String> COLUMNS = List.of("record_type", "after_id");

    private ColumnRefill() {
    }

    /** Runs until every requested type is filled (at once when nothing was asked). */
    public static void run(Engine engine) {
        while (Boolean.TRUE.equals(engine.run(false, tx -> step(((JdbcTransaction) tx).writable())))) {
            // one chunk per transaction
        }
    }

    /** One chunk of the first type still asked for; whether there may be more. */
    private static boolean step(TxState s) {
        SqlDialect d = s.dialect();
        List<String[]> request;
        try {
            request = s.query(new Sql("SELECT record_type, after_id FROM " + TABLE + " ORDER BY record_type LIMIT 1" + d.forUpdate()),
                    (rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)});
        } catch (JdbiException e) {
            throw s.failure("reading " + TABLE, e);
        }
        if (request.isEmpty()) {
            return false;
        }
        String key = request.get(0)[0];
        AggregateType<?, ?, ?> type = AggregateTypes.all().stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
        String last = type == null ? null : chunk(s, Tables.of(type), request.get(0)[1]);
        try {
            if (last != null) {
                s.update(new Sql("UPDATE " + TABLE + " SET after_id = ? WHERE record_type = ?", d.arg(ColumnType.TEXT, last), d.arg(ColumnType.TEXT, key)));
            } else {
                // done, or a type this version no longer has: nothing to fill
                s.update(new Sql("DELETE FROM " + TABLE + " WHERE record_type = ?", d.arg(ColumnType.TEXT, key)));
            }
        } catch (JdbiException e) {
            throw s.failure("updating " + TABLE, e);
        }
        return true;
    }

    /** Rewrites the columns and child rows of the next records of {@code table} after {@code after}; the last id done, or null when done. */
    private static <I extends Id, T extends Aggregate<I>> String chunk(TxState s, Table<I, T, ?> table, String after) {
        SqlDialect d = s.dialect();
        Sql sql = new Sql("SELECT t.doc FROM " + table.name + " t");
        if (after != null) {
            sql.add(" WHERE t.id > " + d.param(table.idType()), idArg(d, table, after));
        }
        sql.add(" ORDER BY t.id LIMIT " + CHUNK + d.forUpdate());
        try {
            List<T> records = new ArrayList<>();
            for (String doc : s.query(sql, (rs, ctx) -> rs.getString(1))) {
                records.add(s.documents().read(doc, table.type.recordClass()));
            }
            if (records.isEmpty()) {
                return null;
            }
            if (!table.columns().isEmpty()) {
                StringBuilder set = new StringBuilder();
                for (Table.Column<T> col : table.columns()) {
                    set.append(set.length() == 0 ? "" : ", ").append(col.name()).append(" = ").append(d.param(col.type()));
                }
                List<List<Argument>> rows = new ArrayList<>();
                for (T r : records) {
                    List<Argument> args = new ArrayList<>();
                    for (Table.Column<T> col : table.columns()) {
                        args.add(d.arg(col.type(), col.value().apply(r)));
                    }
                    args.add(idArg(d, table, r.id().asString()));
                    rows.add(args);
                }
                s.batch("UPDATE " + table.name + " SET " + set + " WHERE id = " + d.param(table.idType()), rows);
            }
            for (Table.Child<T> child : table.children()) {
                List<List<Argument>> owners = new ArrayList<>();
                List<List<Argument>> rows = new ArrayList<>();
                StringBuilder insert = new StringBuilder("INSERT INTO ").append(child.table()).append(" (").append(child.ownerColumn());
                StringBuilder params = new StringBuilder(d.param(table.idType()));
                for (int i = 0; i < child.columns().size(); i++) {
                    insert.append(", ").append(child.columns().get(i));
                    params.append(", ").append(d.param(child.types().get(i)));
                }
                for (T r : records) {
                    owners.add(List.of(idArg(d, table, r.id().asString())));
                    for (List<Object> row : child.rows().apply(r)) {
                        List<Argument> args = new ArrayList<>();
                        args.add(idArg(d, table, r.id().asString()));
                        for (int i = 0; i < row.size(); i++) {
                            args.add(d.arg(child.types().get(i), row.get(i)));
                        }
                        rows.add(args);
                    }
                }
                s.batch("DELETE FROM " + child.table() + " WHERE " + child.ownerColumn() + " = " + d.param(table.idType()), owners);
                s.batch(insert + ") VALUES (" + params + ")", rows);
            }
            return records.size() < CHUNK ? null : records.get(records.size() - 1).id().asString();
        } catch (JdbiException e) {
            throw s.failure("filling the report columns of " + table.recordType() + " records", e);
        }
    }

    private static Argument idArg(SqlDialect d, Table<?, ?, ?> table, String id) {
        return d.arg(table.idType(), table.uuidIds() ? java.util.UUID.fromString(id) : id);
    }
}
