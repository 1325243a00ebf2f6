package org.sectorcrm.jdbc.internal;

import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.AggregateStore.Save;

/**
 * {@code saveAll} of the SQL store: one JDBC batch per statement shape (the main rows' inserts, their optimistic
 * updates, each child table's deletes and inserts, the search rows' deletes and inserts) instead of a handful of
 * statements per record, under one savepoint for the whole batch instead of one per record.
 *
 * <p>A batched statement that fails does not say which row failed. Then the batch is undone to its savepoint and
 * saved again one record at a time, so that the exception is exactly the one that record's {@code save} throws,
 * naming it and its unique key or missing reference; the caller fails the transaction (the contract of saveAll).
 */
final class BatchSaves<I extends Id, T extends Aggregate<I>, F> {
    private final JdbcAggregateStore<I, T, F> store;
    private final TxState s;
    private final Table<I, T, F> table;

    BatchSaves(JdbcAggregateStore<I, T, F> store, TxState s) {
        this.store = store;
        this.s = s;
        this.table = store.table;
    }

    void run(List<Save<T>> saves) {
        Set<I> ids = new HashSet<>();
        for (Save<T> save : saves) {
            if (save == null || save.aggregate() == null) {
                throw new IllegalArgumentException("a " + table.recordType() + " batch holds a null save");
            }
            store.requireComplete(save.aggregate(), save.expectedVersion());
            if (!ids.add(save.aggregate().id())) {
                throw new IllegalArgumentException(table.recordType() + " " + save.aggregate().id().asString() + " is saved twice in one batch");
            }
        }
        Savepoint sp = s.savepoint();
        try {
            write(saves);
        } catch (JdbiException | CrmException e) {
            if (s.rollbackOnly() || s.failed()) {
                throw e;
            }
            s.rollbackTo(sp, e);
            for (Save<T> save : saves) {
                store.save(save.aggregate(), save.expectedVersion());
            }
        }
        s.release(sp);
    }

    private void write(List<Save<T>> saves) {
        SqlDialect d = s.dialect();
        List<T> all = new ArrayList<>(saves.size());
        List<List<Argument>> inserts = new ArrayList<>();
        List<List<Argument>> updates = new ArrayList<>();
        List<Save<T>> updated = new ArrayList<>();
        for (Save<T> save : saves) {
            T a = save.aggregate();
            all.add(a);
            if (save.expectedVersion() == 0) {
                inserts.add(store.insertArgs(s, a));
            } else {
                updates.add(store.updateArgs(s, a, save.expectedVersion()));
                updated.add(save);
            }
        }
        s.batch(store.insertSql(d), inserts);
        checkUpdated(updated, s.batch(store.updateSql(d), updates));
        List<I> replaced = updated.stream().map(u -> u.aggregate().id()).toList();
        for (Table.Child<T> child : table.children()) {
            if (!replaced.isEmpty()) {
                List<List<Argument>> owners = new ArrayList<>(replaced.size());
                for (I id : replaced) {
                    owners.add(List.of(store.idArg(d, id)));
                }
                s.batch(store.childDeleteSql(d, child), owners);
            }
            List<List<Argument>> rows = new ArrayList<>();
            for (T a : all) {
                store.childRows(d, child, a, rows);
            }
            s.batch(store.childInsertSql(d, child), rows);
        }
        if (!replaced.isEmpty()) {
            SearchIndex.removeAll(s, table, replaced);
        }
        SearchIndex.insert(s, all, table);
    }

    /** Each update must have changed its row: none means the record is gone or its version moved on. */
    private void checkUpdated(List<Save<T>> updated, int[] counts) {
        for (int i = 0; i < updated.size(); i++) {
            Save<T> u = updated.get(i);
            int n = counts[i];
            boolean ok = n == Statement.SUCCESS_NO_INFO
                    ? Long.valueOf(u.aggregate().version()).equals(store.currentVersion(s, u.aggregate().id()))
                    : n > 0;
            if (!ok) {
                throw store.missingOrStale(s, u.aggregate().id(), u.expectedVersion());
            }
        }
    }
}
