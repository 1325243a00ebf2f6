package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.jdbc.internal.Table;
import org.sectorcrm.jdbc.internal.Tables;

/**
 * Lints the code against one dialect's migrations, on a database migrated by them: every table and column the
 * layouts name exists, every reference of a type's descriptor is a foreign key and every unique key a unique index,
 * and the SQL of every filter (each condition set at once), search and report query runs. A failure names what is
 * missing, so that a layout and its script cannot drift apart unnoticed.
 */
abstract class SchemaLintTestBase {
    abstract TestDatabase db();

    private String url;
    private JdbcCrmStorage storage;

    @BeforeEach
    void migrate() {
        url = db().url();
        storage = db().builderFor(url).build();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Connection connect() throws SQLException {
        return db().connect(db().dialect() == Dialect.SQLITE ? url : db().schema());
    }

    @Test
    void everyTableAndColumnTheLayoutsUseExistsInTheMigratedSchema() throws SQLException {
        Map<String, Set<String>> catalog;
        try (Connection c = connect()) {
            catalog = SchemaCatalog.read(c, db().dialect(), db().schema());
        }
        List<String> missing = new ArrayList<>();
        Tables.usedColumns().forEach((table, columns) -> {
            if (!catalog.containsKey(table)) {
                missing.add(table);
                return;
            }
            columns.stream().filter(c -> !catalog.get(table).contains(c)).forEach(c -> missing.add(table + "." + c));
        });
        assertThat(missing).as("tables and columns the layouts use that the %s migrations lack", db().dialect()).isEmpty();
    }

    @Test
    void everyReferenceIsAForeignKeyAndEveryUniqueKeyAUniqueIndex() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            String catalog = db().dialect() == Dialect.MARIADB ? db().schema() : null;
            String schema = db().dialect() == Dialect.POSTGRESQL ? db().schema() : null;
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                Table<?, ?, ?> table = Tables.of(type);
                Set<String> foreignKeys = new TreeSet<>();
                try (ResultSet rs = md.getImportedKeys(catalog, schema, table.name())) {
                    while (rs.next()) {
                        foreignKeys.add(lower(rs.getString("FKCOLUMN_NAME")) + " -> " + lower(rs.getString("PKTABLE_NAME")));
                    }
                }
                for (AggregateType.Reference<?> ref : type.references()) {
                    String fk = snakeCase(ref.field()) + "_id -> " + Tables.of(ref.target()).name();
                    if (!foreignKeys.contains(fk)) {
                        missing.add("foreign key " + table.name() + "." + fk + " (reference " + ref.field() + " of " + type.key() + ")");
                    }
                }
                Map<String, List<String>> uniqueIndexes = new HashMap<>();
                try (ResultSet rs = md.getIndexInfo(catalog, schema, table.name(), true, false)) {
                    while (rs.next()) {
                        if (rs.getString("COLUMN_NAME") != null) {
                            uniqueIndexes.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>()).add(lower(rs.getString("COLUMN_NAME")));
                        }
                    }
                }
                for (AggregateType.UniqueKey<?> key : type.uniqueKeys()) {
                    String column = snakeCase(key.field());
                    if (!uniqueIndexes.containsValue(List.of(column))) {
                        missing.add("unique index on " + table.name() + "." + column + " (unique key " + key.field() + " of " + type.key() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("constraints the descriptors promise that the %s migrations lack", db().dialect()).isEmpty();
    }

    @Test
    void theSqlOfEveryFilterSearchAndReportRuns() {
        Reader reader = Reader.of(new StaffUserId(UUID.randomUUID()), new PartnerId(UUID.randomUUID()));
        SearchTerms terms = SearchTerms.parse("lint words");
        storage.read((StorageTransaction tx) -> {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                run(tx, type, reader, terms);
            }
            assertThat(tx.reports().countByRegionAndSector(everyField(EmployerFilter.class))).isEmpty();
            assertThat(tx.reports().servedEstablishments(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
            assertThat(tx.reports().countableServices(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null)).isEmpty();
            assertThat(tx.reports().countableServices(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    org.sectorcrm.core.reference.PartnerId.of(UUID.randomUUID().toString()))).isEmpty();
            return null;
        });
    }

    private static <I extends Id, T extends Aggregate<I>, F> void run(StorageTransaction tx, AggregateType<I, T, F> type, Reader reader, SearchTerms terms) {
        F filter = everyField(type.filterClass());
        assertThat(tx.store(type).query(filter, PageRequest.first()).items()).as("%s with %s", type, filter).isEmpty();
        assertThat(tx.store(type).count(filter)).as("count of %s with %s", type, filter).isZero();
        assertThat(tx.store(type).search(terms, reader, PageRequest.after("0", 10)).items()).as("search of %s", type).isEmpty();
    }

    /** The filter record with every component set, so that each of its conditions becomes SQL. */
    static <F> F everyField(Class<F> filterClass) {
        RecordComponent[] components = filterClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getGenericType() instanceof java.lang.reflect.ParameterizedType set && types[i] == java.util.Set.class
                    ? java.util.Set.of(sample((Class<?>) set.getActualTypeArguments()[0])) // a set-valued field: one sample element
                    : sample(types[i]);
        }
        try {
            Constructor<F> canonical = filterClass.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + filterClass.getSimpleName() + " with every field set: " + e, e);
        }
    }

    /** A valid value of a filter component's type: ids from a UUID or a code, value objects from text they accept. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "lint";
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        }
        if (type == org.sectorcrm.core.report.CalendarQuarter.class) {
            return new org.sectorcrm.core.report.CalendarQuarter(2026, 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00.000000001Z");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        try {
            return type.getConstructor(UUID.class).newInstance(UUID.randomUUID());
        } catch (ReflectiveOperationException | RuntimeException notFromUuid) {
            // a code or a value object: from text below
        }
        for (String text : List.of("IL-EDR-1", "361234567", "336111", "lint@example.org")) {
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && (m.getName().equals("of") || m.getName().equals("parse")) && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == String.class && type.isAssignableFrom(m.getReturnType())) {
                    try {
                        return m.invoke(null, text);
                    } catch (ReflectiveOperationException | RuntimeException refused) {
                        // try the next text
                    }
                }
            }
            try {
                return type.getConstructor(String.class).newInstance(text);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // try the next text
            }
        }
        throw new AssertionError("no sample value for a filter field of type " + type.getName() + ": teach SchemaLintTestBase.sample one");
    }

    private static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
