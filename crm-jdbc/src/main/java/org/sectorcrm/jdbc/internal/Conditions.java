package org.sectorcrm.jdbc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jdbi.v3.core.argument.Argument;

/**
 * The WHERE clause of a query over one table aliased {@code t}: conditions joined by AND. Filter
 * records map to it field by field; a null filter field adds nothing, exactly as its {@code matches}
 * method ignores it.
 */
public final class Conditions {
    private final SqlDialect dialect;
    private final List<Sql> parts = new ArrayList<>();
    private boolean never;

    public Conditions(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public Conditions and(String clause, Argument... args) {
        parts.add(new Sql(clause, args));
        return this;
    }

    public Conditions and(Sql clause) {
        parts.add(clause);
        return this;
    }

    /** {@code t.column = value} when value is not null. */
    public Conditions eq(String column, ColumnType type, Object value) {
        if (value != null) {
            and("t." + column + " = " + dialect.param(type), dialect.arg(type, value));
        }
        return this;
    }

    /**
     * {@code t.column IN (values)} when values is not null; an empty collection matches no row (as an empty set
     * in a filter's {@code matches} does). One parameter per value: callers keep the collections batch-sized.
     */
    public Conditions in(String column, ColumnType type, Collection<?> values) {
        if (values == null) {
            return this;
        }
        if (values.isEmpty()) {
            return never();
        }
        StringBuilder clause = new StringBuilder("t.").append(column).append(" IN (");
        List<Argument> args = new ArrayList<>(values.size());
        for (Object v : values) {
            clause.append(args.isEmpty() ? "" : ", ").append(dialect.param(type));
            args.add(dialect.arg(type, v));
        }
        return and(clause.append(')').toString(), args.toArray(Argument[]::new));
    }

    /** A row of {@code childTable} owned by this row ({@code owner = t.id}) has {@code column = value}. */
    public Conditions has(String childTable, String ownerColumn, String column, ColumnType type, Object value) {
        if (value != null) {
            // IN, not a correlated EXISTS: with the keyset order by id and a LIMIT, SQLite ran EXISTS as a walk of the whole
            // table in id order probing each row's children; IN reads the child table's (value, owner) index first.
            and("t.id IN (SELECT c." + ownerColumn + " FROM " + childTable + " c WHERE c." + column + " = " + dialect.param(type) + ")",
                    dialect.arg(type, value));
        }
        return this;
    }

    /** {@code t.column} starts with {@code prefix} (any text: LIKE wildcards in it are escaped). */
    public Conditions startsWith(String column, String prefix) {
        if (prefix != null) {
            // '!' as the escape character: a backslash means different things in MariaDB and standard SQL literals.
            String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
            and("t." + column + " LIKE " + dialect.param(ColumnType.TEXT) + " ESCAPE '!'", dialect.arg(ColumnType.TEXT, escaped + "%"));
        }
        return this;
    }

    /**
     * {@code t.column} (an instant kept to the microsecond, with the nanoseconds below it in {@code column_ns})
     * is after {@code bound}, to the nanosecond.
     */
    public Conditions after(String column, Instant bound) {
        return compare(column, ">", bound);
    }

    /** {@code t.column} (as in {@link #after}) is before {@code bound}, to the nanosecond. */
    public Conditions before(String column, Instant bound) {
        return compare(column, "<", bound);
    }

    private Conditions compare(String column, String op, Instant bound) {
        Instant micros = floorMicros(bound);
        String p = dialect.param(ColumnType.INSTANT);
        return and("(t." + column + " " + op + " " + p + " OR t." + column + " = " + p + " AND t." + column + "_ns " + op + " "
                + dialect.param(ColumnType.LONG) + ")", dialect.arg(ColumnType.INSTANT, micros), dialect.arg(ColumnType.INSTANT, micros),
                dialect.arg(ColumnType.LONG, belowMicros(bound)));
    }

    /** The instant cut to whole microseconds, which every engine's timestamp keeps exactly. */
    public static Instant floorMicros(Instant i) {
        return i.minusNanos(i.getNano() % 1000);
    }

    /** The nanoseconds {@link #floorMicros} cut off (0 to 999). */
    public static int belowMicros(Instant i) {
        return i.getNano() % 1000;
    }

    /** No row can match (e.g. a cursor past the last possible id). */
    public Conditions never() {
        never = true;
        return this;
    }

    public boolean isNever() {
        return never;
    }

    /** Appends {@code WHERE ...} (or nothing) to {@code sql}. */
    public Sql appendTo(Sql sql) {
        if (never) {
            return sql.add(" WHERE 1 = 0");
        }
        for (int i = 0; i < parts.size(); i++) {
            sql.add(i == 0 ? " WHERE " : " AND ");
            sql.add(parts.get(i));
        }
        return sql;
    }
}
