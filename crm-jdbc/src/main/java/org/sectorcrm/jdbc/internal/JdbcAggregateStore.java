package org.sectorcrm.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.type.AggregateType;

/**
 * The SQL behind {@link AggregateStore} for every aggregate type, driven by its {@link Table} layout: an insert
 * or an optimistic {@code UPDATE ... WHERE id = ? AND version = ?} of the row, then its child rows and its
 * {@link SearchIndex} rows; keyset pages ordered by id; search through the index; SQL errors turned into the
 * SPI's exceptions, named with the descriptor's unique keys and references.
 */
final class JdbcAggregateStore<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
    private final JdbcTransaction tx;
    final Table<I, T, F> table;

    JdbcAggregateStore(JdbcTransaction tx, Table<I, T, F> table) {
        this.tx = tx;
        this.table = table;
    }

    @Override
    public AggregateType<I, T, F> type() {
        return table.type;
    }

    @Override
    public Optional<T> find(I id) {
        requireArg("id", id);
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        Sql sql = new Sql("SELECT t.doc FROM " + table.name + " t WHERE t.id = " + d.param(table.idType()), idArg(d, id));
        List<String> docs = read(s, "reading " + table.recordType() + " " + id.asString(), sql);
        return docs.isEmpty() ? Optional.empty() : Optional.of(s.documents().read(docs.get(0), table.type.recordClass()));
    }

    @Override
    public void save(T aggregate, long expectedVersion) {
        requireArg(table.recordType(), aggregate);
        TxState s = tx.writable();
        requireComplete(aggregate, expectedVersion);
        s.write(() -> {
            if (expectedVersion == 0) {
                insert(s, aggregate);
            } else {
                update(s, aggregate, expectedVersion);
            }
            writeChildren(s, aggregate, expectedVersion != 0);
            SearchIndex.write(s, table, aggregate, expectedVersion != 0);
            return null;
        }, e -> saveFailure(s, aggregate, expectedVersion, e));
    }

    /** In batched statements ({@link BatchSaves}); the outcome is that of one {@link #save} after another. */
    @Override
    public void saveAll(List<Save<T>> saves) {
        requireArg("saves", saves);
        if (saves.size() == 1) {
            save(saves.get(0).aggregate(), saves.get(0).expectedVersion());
        } else if (!saves.isEmpty()) {
            new BatchSaves<>(this, tx.writable()).run(saves);
        }
    }

    @Override
    public void delete(I id, long expectedVersion) {
        requireArg("id", id);
        TxState s = tx.writable();
        SqlDialect d = s.dialect();
        s.write(() -> {
            // Children go with the row (ON DELETE CASCADE); the search index serves every table, so its rows are deleted here.
            int n = s.update(new Sql("DELETE FROM " + table.name + " WHERE id = " + d.param(table.idType()) + " AND version = " + d.param(ColumnType.LONG),
                    idArg(d, id), d.arg(ColumnType.LONG, expectedVersion)));
            if (n == 0) {
                throw missingOrStale(s, id, expectedVersion);
            }
            SearchIndex.remove(s, table, id);
            return null;
        }, e -> deleteFailure(s, id, expectedVersion, e));
    }

    @Override
    public Page<T> query(F filterValue, PageRequest page) {
        requireArg("filter", filterValue);
        requireArg("page", page);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        table.filter.accept(filterValue, c);
        return page(s, c, page);
    }

    @Override
    public long count(F filterValue) {
        requireArg("filter", filterValue);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        table.filter.accept(filterValue, c);
        Sql sql = c.appendTo(new Sql("SELECT COUNT(*) FROM " + table.name + " t"));
        try {
            return s.query(sql, (rs, ctx) -> rs.getLong(1)).get(0);
        } catch (JdbiException e) {
            throw s.failure("counting " + table.recordType() + " records", e);
        }
    }

    /**
     * Through the {@link SearchIndex}, in SQL: the visibility of restricted text is a condition next to the word, so
     * text the reader may not read can never make a row match. Sees this transaction's own writes (plain rows).
     */
    @Override
    public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
        requireArg("terms", terms);
        requireArg("reader", reader);
        requireArg("page", page);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        c.and(SearchIndex.condition(s.dialect(), table, terms, reader));
        return page(s, c, page);
    }

    /** One keyset page of the rows matching {@code c}, in id order. */
    private Page<T> page(TxState s, Conditions c, PageRequest page) {
        SqlDialect d = s.dialect();
        if (page.after() != null) {
            Cursors.Bound bound = table.uuidIds() ? Cursors.afterUuid(page.after()) : Cursors.afterCode(page.after());
            if (bound.isNone()) {
                c.never();
            } else {
                c.and("t.id " + (bound.inclusive() ? ">= " : "> ") + d.param(table.idType()), d.arg(table.idType(), bound.value()));
            }
        }
        Sql sql = c.appendTo(new Sql("SELECT t.doc FROM " + table.name + " t"))
                .add(" ORDER BY t.id LIMIT " + d.param(ColumnType.LONG), d.arg(ColumnType.LONG, page.limit() + 1));
        List<String> docs = c.isNever() ? List.of() : read(s, "querying " + table.recordType() + " records", sql);
        List<T> items = new ArrayList<>(docs.size());
        for (String doc : docs) {
            items.add(s.documents().read(doc, table.type.recordClass()));
        }
        return Page.of(items, page.limit(), Aggregate::id);
    }

    private List<String> read(TxState s, String what, Sql sql) {
        try {
            return s.query(sql, (rs, ctx) -> rs.getString(1));
        } catch (JdbiException e) {
            throw s.failure(what, e);
        }
    }

    // --- writes ---

    private void insert(TxState s, T a) {
        s.update(new Sql(insertSql(s.dialect()), insertArgs(s, a).toArray(Argument[]::new)));
    }

    /** The INSERT of the main row; its parameters are {@link #insertArgs}. */
    String insertSql(SqlDialect d) {
        StringBuilder cols = new StringBuilder("id, version, created_at, updated_at, created_by");
        StringBuilder params = new StringBuilder();
        params.append(d.param(table.idType())).append(", ?, ?, ?, ?");
        for (Table.Column<T> col : table.columns) {
            cols.append(", ").append(col.name());
            params.append(", ").append(d.param(col.type()));
        }
        cols.append(", doc");
        params.append(", ").append(d.param(ColumnType.JSON));
        return "INSERT INTO " + table.name + " (" + cols + ") VALUES (" + params + ")";
    }

    List<Argument> insertArgs(TxState s, T a) {
        SqlDialect d = s.dialect();
        List<Argument> args = new ArrayList<>(table.columns.size() + 6);
        args.add(idArg(d, a.id()));
        stampArgs(d, a, args);
        for (Table.Column<T> col : table.columns) {
            args.add(d.arg(col.type(), col.value().apply(a)));
        }
        args.add(d.arg(ColumnType.JSON, s.documents().write(a)));
        return args;
    }

    private void update(TxState s, T a, long expectedVersion) {
        int n = s.update(new Sql(updateSql(s.dialect()), updateArgs(s, a, expectedVersion).toArray(Argument[]::new)));
        if (n == 0) {
            throw missingOrStale(s, a.id(), expectedVersion);
        }
    }

    /** The optimistic UPDATE of the main row (no row changes when the version moved on); its parameters are {@link #updateArgs}. */
    String updateSql(SqlDialect d) {
        StringBuilder set = new StringBuilder("version = ?, created_at = ?, updated_at = ?, created_by = ?");
        for (Table.Column<T> col : table.columns) {
            set.append(", ").append(col.name()).append(" = ").append(d.param(col.type()));
        }
        set.append(", doc = ").append(d.param(ColumnType.JSON));
        return "UPDATE " + table.name + " SET " + set + " WHERE id = " + d.param(table.idType()) + " AND version = ?";
    }

    List<Argument> updateArgs(TxState s, T a, long expectedVersion) {
        SqlDialect d = s.dialect();
        List<Argument> args = new ArrayList<>(table.columns.size() + 7);
        stampArgs(d, a, args);
        for (Table.Column<T> col : table.columns) {
            args.add(d.arg(col.type(), col.value().apply(a)));
        }
        args.add(d.arg(ColumnType.JSON, s.documents().write(a)));
        args.add(idArg(d, a.id()));
        args.add(d.arg(ColumnType.LONG, expectedVersion));
        return args;
    }

    private void stampArgs(SqlDialect d, T a, List<Argument> args) {
        args.add(d.arg(ColumnType.LONG, a.stamp().version()));
        args.add(d.arg(ColumnType.INSTANT, a.stamp().createdAt()));
        args.add(d.arg(ColumnType.INSTANT, a.stamp().updatedAt()));
        args.add(d.arg(ColumnType.UUID, Tables.uuid(a.stamp().createdBy())));
    }

    private void writeChildren(TxState s, T a, boolean replace) {
        SqlDialect d = s.dialect();
        for (Table.Child<T> child : table.children()) {
            if (replace) {
                s.update(new Sql(childDeleteSql(d, child), idArg(d, a.id())));
            }
            List<List<Argument>> rows = new ArrayList<>();
            childRows(d, child, a, rows);
            s.batch(childInsertSql(d, child), rows);
        }
    }

    String childDeleteSql(SqlDialect d, Table.Child<T> child) {
        return "DELETE FROM " + child.table() + " WHERE " + child.ownerColumn() + " = " + d.param(table.idType());
    }

    String childInsertSql(SqlDialect d, Table.Child<T> child) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(child.table()).append(" (").append(child.ownerColumn());
        StringBuilder params = new StringBuilder(d.param(table.idType()));
        for (int i = 0; i < child.columns().size(); i++) {
            sql.append(", ").append(child.columns().get(i));
            params.append(", ").append(d.param(child.types().get(i)));
        }
        return sql.append(") VALUES (").append(params).append(')').toString();
    }

    /** Adds the parameter rows of {@code a}'s rows in {@code child} to {@code rows}. */
    void childRows(SqlDialect d, Table.Child<T> child, T a, List<List<Argument>> rows) {
        for (List<Object> row : child.rows().apply(a)) {
            List<Argument> args = new ArrayList<>(row.size() + 1);
            args.add(idArg(d, a.id()));
            for (int i = 0; i < row.size(); i++) {
                args.add(d.arg(child.types().get(i), row.get(i)));
            }
            rows.add(args);
        }
    }

    // --- errors ---

    /** After an update or delete touched no row: the record is gone, or its version moved on. */
    RuntimeException missingOrStale(TxState s, I id, long expectedVersion) {
        Long current = currentVersion(s, id);
        if (current == null) {
            return new NotFoundException(table.recordType(), id.asString());
        }
        return ConflictException.staleVersion(table.recordType(), id.asString(), expectedVersion, current);
    }

    Long currentVersion(TxState s, Id id) {
        SqlDialect d = s.dialect();
        List<Long> v = s.query(new Sql("SELECT version FROM " + table.name + " WHERE id = " + d.param(table.idType()), idArg(d, id)),
                (rs, ctx) -> rs.getLong(1));
        return v.isEmpty() ? null : v.get(0);
    }

    private RuntimeException saveFailure(TxState s, T a, long expectedVersion, JdbiException e) {
        SQLException sql = TxState.sqlCause(e);
        Violation v = sql == null ? Violation.OTHER : s.dialect().classify(sql);
        String type = table.recordType();
        String id = a.id().asString();
        try {
            switch (v) {
                case UNIQUE -> {
                    Long current = expectedVersion == 0 ? currentVersion(s, a.id()) : null;
                    if (current != null) {
                        return new ConflictException(type, id, current, type + " " + id + " already exists (version " + current + " is stored); nothing was saved");
                    }
                    for (Table.UniqueKey<T> key : table.uniqueKeys) {
                        String value = key.key().of(a);
                        String owner = value == null ? null : holderOf(s, key.column(), value, a.id());
                        if (owner != null) {
                            return new ConflictException(type, id, null, "the " + key.key().label() + " '" + value + "' of " + type + " " + id
                                    + " is already used by " + type + " " + owner + "; nothing was saved");
                        }
                    }
                    return new ConflictException(type, id, null, type + " " + id + " collides with a unique key: " + sql.getMessage());
                }
                case FOREIGN_KEY -> {
                    NotFoundException missing = missingReference(s, a);
                    return missing != null ? missing : s.failure("saving " + type + " " + id, e);
                }
                case TRANSIENT -> {
                    return new ConflictException(type, id, null, type + " " + id + " collided with a concurrent transaction (" + sql.getMessage()
                            + "); nothing was saved: reload and retry");
                }
                default -> {
                    return s.failure("saving " + type + " " + id, e);
                }
            }
        } catch (JdbiException lookup) {
            e.addSuppressed(lookup);
            return s.failure("saving " + type + " " + id, e);
        }
    }

    /**
     * The first reference of the descriptor whose target does not exist; the foreign key that failed does not say
     * which when a type references several.
     */
    private NotFoundException missingReference(TxState s, T a) {
        SqlDialect d = s.dialect();
        for (AggregateType.Reference<T> ref : table.type.references()) {
            Id target = ref.of(a);
            if (target == null) {
                continue;
            }
            Table<?, ?, ?> targetTable = Tables.of(ref.target());
            List<Integer> found = s.query(new Sql("SELECT 1 FROM " + targetTable.name + " WHERE id = " + d.param(targetTable.idType()),
                    d.arg(targetTable.idType(), targetTable.uuidIds() ? Tables.uuid(target) : target.asString())), (rs, ctx) -> 1);
            if (found.isEmpty()) {
                return new NotFoundException(ref.target().key(), target.asString());
            }
        }
        return null;
    }

    private RuntimeException deleteFailure(TxState s, I id, long expectedVersion, JdbiException e) {
        SQLException sql = TxState.sqlCause(e);
        Violation v = sql == null ? Violation.OTHER : s.dialect().classify(sql);
        String type = table.recordType();
        return switch (v) {
            case FOREIGN_KEY -> new ConflictException(type, id.asString(), expectedVersion, type + " " + id.asString() + " is still referenced by "
                    + table.referencedBy() + "; delete or move those first. Nothing was deleted");
            case TRANSIENT -> new ConflictException(type, id.asString(), null, type + " " + id.asString() + " collided with a concurrent transaction ("
                    + sql.getMessage() + "); nothing was deleted: reload and retry");
            default -> s.failure("deleting " + type + " " + id.asString(), e);
        };
    }

    private String holderOf(TxState s, Table.Column<T> column, String value, Id self) {
        SqlDialect d = s.dialect();
        List<String> ids = s.query(new Sql("SELECT id FROM " + table.name + " WHERE " + column.name() + " = " + d.param(column.type())
                + " AND id <> " + d.param(table.idType()), d.arg(column.type(), value), idArg(d, self)), (rs, ctx) -> rs.getString(1));
        return ids.isEmpty() ? null : ids.get(0);
    }

    // --- arguments ---

    Argument idArg(SqlDialect d, Id id) {
        return d.arg(table.idType(), table.uuidIds() ? Tables.uuid(id) : id.asString());
    }

    void requireComplete(T a, long expectedVersion) {
        if (a.id() == null || a.stamp() == null) {
            throw new IllegalArgumentException("a draft " + table.recordType() + " (no id or stamp) cannot be saved: Crm assigns both first");
        }
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("the expected version of " + table.recordType() + " " + a.id().asString()
                    + " must be 0 (insert) or the stored version, not " + expectedVersion);
        }
        // An insert may carry any version (a restore keeps versions); an update moves exactly one version on.
        if (expectedVersion > 0 && a.stamp().version() != expectedVersion + 1) {
            throw new IllegalArgumentException(table.recordType() + " " + a.id().asString() + " has version " + a.stamp().version()
                    + " but saving it over version " + expectedVersion + " needs version " + (expectedVersion + 1));
        }
    }

    private static void requireArg(String field, Object value) {
        if (value == null) {
            throw ValidationException.of("storage", field, "is required");
        }
    }
}
