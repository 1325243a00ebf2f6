package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;

/**
 * How one aggregate type is stored: its table, the typed columns next to {@code doc}, its child rows,
 * unique keys and the record it references. Every table also has {@code id, version, created_at,
 * updated_at, created_by} and {@code doc}, and searchable ones {@code search_terms}.
 */
public final class Table<I extends Id, T extends Aggregate<I>> {
    /** A typed column filled from the aggregate. */
    public record Column<T>(String name, ColumnType type, Function<T, ?> value) {
    }

    /** Child rows keyed by the owner's id, rewritten on every save; removed with the owner (ON DELETE CASCADE). */
    public record Child<T>(String table, String ownerColumn, List<String> columns, List<ColumnType> types,
            Function<T, List<List<Object>>> rows) {
    }

    /** A unique key other than the id, for conflict messages. */
    public record UniqueKey<T>(String column, ColumnType type, String label, Function<T, ?> value) {
    }

    /** The record a foreign key points at (the employer, or a staff user's partner), for not-found messages. */
    public record Reference<T>(String recordType, Function<T, ? extends Id> target) {
    }

    final String name;
    final String recordType;
    final Class<T> type;
    final boolean uuidIds;
    final List<Column<T>> columns;
    final SearchTable search;
    final Function<T, String> searchText;
    final List<Child<T>> children;
    final List<UniqueKey<T>> uniqueKeys;
    final Reference<T> reference;
    final String referencedBy;

    private Table(Builder<I, T> b) {
        name = b.name;
        recordType = b.recordType;
        type = b.type;
        uuidIds = b.uuidIds;
        columns = List.copyOf(b.columns);
        search = b.search;
        searchText = b.searchText;
        children = List.copyOf(b.children);
        uniqueKeys = List.copyOf(b.uniqueKeys);
        reference = b.reference;
        referencedBy = b.referencedBy;
    }

    public String name() {
        return name;
    }

    public String recordType() {
        return recordType;
    }

    public Class<T> type() {
        return type;
    }

    public ColumnType idType() {
        return uuidIds ? ColumnType.UUID : ColumnType.CODE;
    }

    public List<Child<T>> children() {
        return children;
    }

    public static <I extends Id, T extends Aggregate<I>> Builder<I, T> uuidKeyed(String name, String recordType, Class<T> type) {
        return new Builder<>(name, recordType, type, true);
    }

    public static <I extends Id, T extends Aggregate<I>> Builder<I, T> codeKeyed(String name, String recordType, Class<T> type) {
        return new Builder<>(name, recordType, type, false);
    }

    public static final class Builder<I extends Id, T extends Aggregate<I>> {
        private final String name;
        private final String recordType;
        private final Class<T> type;
        private final boolean uuidIds;
        private final List<Column<T>> columns = new ArrayList<>();
        private SearchTable search;
        private Function<T, String> searchText;
        private final List<Child<T>> children = new ArrayList<>();
        private final List<UniqueKey<T>> uniqueKeys = new ArrayList<>();
        private Reference<T> reference;
        private String referencedBy;

        private Builder(String name, String recordType, Class<T> type, boolean uuidIds) {
            this.name = name;
            this.recordType = recordType;
            this.type = type;
            this.uuidIds = uuidIds;
        }

        public Builder<I, T> column(String column, ColumnType columnType, Function<T, ?> value) {
            columns.add(new Column<>(column, columnType, value));
            return this;
        }

        public Builder<I, T> searchable(SearchTable table, Function<T, String> text) {
            search = table;
            searchText = text;
            return this;
        }

        public Builder<I, T> child(String table, String ownerColumn, List<String> childColumns, List<ColumnType> types,
                Function<T, List<List<Object>>> rows) {
            children.add(new Child<>(table, ownerColumn, childColumns, types, rows));
            return this;
        }

        public Builder<I, T> unique(String column, ColumnType columnType, String label, Function<T, ?> value) {
            uniqueKeys.add(new UniqueKey<>(column, columnType, label, value));
            return this;
        }

        public Builder<I, T> references(String targetType, Function<T, ? extends Id> target) {
            reference = new Reference<>(targetType, target);
            return this;
        }

        /** What may still reference a row of this table, named in the conflict when it cannot be deleted. */
        public Builder<I, T> referencedBy(String description) {
            referencedBy = description;
            return this;
        }

        public Table<I, T> build() {
            return new Table<>(this);
        }
    }
}
