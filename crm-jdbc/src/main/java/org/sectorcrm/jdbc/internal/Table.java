package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * How one aggregate type is stored: its table, the typed columns next to {@code doc}, its child rows, and
 * how its filter becomes SQL. What the type <em>is</em> (key, classes, unique keys, references, searchable
 * text) comes from its {@link AggregateType}; only the storage is described here. Every table also has
 * {@code id, version, created_at, updated_at, created_by} and {@code doc}.
 *
 * <p>{@link Builder#build()} registers the layout under its type's key, so that {@link Tables#of} finds it
 * without a list of types.
 */
public final class Table<I extends Id, T extends Aggregate<I>, F> {
    private static final Map<String, Table<?, ?, ?>> REGISTERED = new ConcurrentHashMap<>();

    /** A typed column filled from the aggregate. */
    public record Column<T>(String name, ColumnType type, Function<T, ?> value) {
    }

    /** Child rows keyed by the owner's id, rewritten on every save; removed with the owner (ON DELETE CASCADE). */
    public record Child<T>(String table, String ownerColumn, List<String> columns, List<ColumnType> types,
            Function<T, List<List<Object>>> rows) {
    }

    /** A unique key of the type's descriptor and the column that holds it (the field's name in snake case). */
    public record UniqueKey<T>(AggregateType.UniqueKey<T> key, Column<T> column) {
    }

    /**
     * Text of a record that only some readers may read (an engagement's PARTNER and PRIVATE notes), with the
     * {@link SearchIndex#scope scope} of those readers; what every reader may read is the descriptor's
     * {@code searchableText(record, Reader.EVERYONE)}.
     */
    public record RestrictedText(String scope, String text) {
    }

    final AggregateType<I, T, F> type;
    final String name;
    final List<Column<T>> columns;
    final List<Child<T>> children;
    final List<UniqueKey<T>> uniqueKeys;
    final BiConsumer<F, Conditions> filter;
    final Function<T, List<RestrictedText>> restrictedText;

    private Table(Builder<I, T, F> b) {
        type = b.type;
        name = b.name;
        columns = List.copyOf(b.columns);
        children = List.copyOf(b.children);
        filter = Objects.requireNonNull(b.filter, () -> "the layout of " + b.type.key() + " lacks its filter");
        restrictedText = b.restrictedText;
        List<UniqueKey<T>> keys = new ArrayList<>();
        for (AggregateType.UniqueKey<T> key : type.uniqueKeys()) {
            String column = snakeCase(key.field());
            Column<T> col = columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow(() -> new IllegalStateException(
                    "the layout " + name + " has no column " + column + " for the unique key " + key.field() + " of " + type.key()));
            keys.add(new UniqueKey<>(key, col));
        }
        uniqueKeys = List.copyOf(keys);
    }

    /** Starts the layout of {@code type} in table {@code name}. */
    public static <I extends Id, T extends Aggregate<I>, F> Builder<I, T, F> of(AggregateType<I, T, F> type, String name) {
        return new Builder<>(type, name);
    }

    /** The layout registered for {@code type} (the same descriptor, not just the same key), or null. */
    static Table<?, ?, ?> registered(AggregateType<?, ?, ?> type) {
        Table<?, ?, ?> t = REGISTERED.get(type.key());
        return t != null && t.type == type ? t : null;
    }

    public AggregateType<I, T, F> type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The record type's key, as messages and the search index name it. */
    public String recordType() {
        return type.key();
    }

    /** Codes people choose (regions, sectors) are text; generated ids are UUIDs. */
    public boolean uuidIds() {
        return type.hasGeneratedIds();
    }

    public ColumnType idType() {
        return uuidIds() ? ColumnType.UUID : ColumnType.CODE;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    public List<Child<T>> children() {
        return children;
    }

    /**
     * What may still reference a row of this table, for the conflict when it cannot be deleted: the types whose
     * descriptors reference this one.
     */
    String referencedBy() {
        List<String> by = new ArrayList<>();
        for (AggregateType<?, ?, ?> other : AggregateTypes.all()) {
            if (other.references().stream().anyMatch(r -> r.target() == type)) {
                by.add(other.plural().replace('-', ' '));
            }
        }
        if (by.isEmpty()) {
            return "other records";
        }
        return by.size() == 1 ? by.get(0) : String.join(", ", by.subList(0, by.size() - 1)) + " or " + by.get(by.size() - 1);
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static final class Builder<I extends Id, T extends Aggregate<I>, F> {
        private final AggregateType<I, T, F> type;
        private final String name;
        private final List<Column<T>> columns = new ArrayList<>();
        private final List<Child<T>> children = new ArrayList<>();
        private BiConsumer<F, Conditions> filter;
        private Function<T, List<RestrictedText>> restrictedText;

        private Builder(AggregateType<I, T, F> type, String name) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder<I, T, F> column(String column, ColumnType columnType, Function<T, ?> value) {
            columns.add(new Column<>(column, columnType, value));
            return this;
        }

        public Builder<I, T, F> child(String table, String ownerColumn, List<String> childColumns, List<ColumnType> types,
                Function<T, List<List<Object>>> rows) {
            children.add(new Child<>(table, ownerColumn, childColumns, types, rows));
            return this;
        }

        /** How a filter of this type becomes SQL; it must mirror the filter's {@code matches} condition by condition. */
        public Builder<I, T, F> filter(BiConsumer<F, Conditions> sql) {
            filter = Objects.requireNonNull(sql, "sql");
            return this;
        }

        /** Text that only some readers may search (see {@link RestrictedText}). */
        public Builder<I, T, F> restrictedText(Function<T, List<RestrictedText>> text) {
            restrictedText = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Builds the layout and registers it under its type's key; a second layout for one key is a bug. */
        public Table<I, T, F> build() {
            Table<I, T, F> table = new Table<>(this);
            Table<?, ?, ?> before = REGISTERED.putIfAbsent(type.key(), table);
            if (before != null) {
                throw new IllegalStateException("two table layouts for aggregate type " + type.key() + ": " + before.name + " and " + name);
            }
            return table;
        }
    }
}
