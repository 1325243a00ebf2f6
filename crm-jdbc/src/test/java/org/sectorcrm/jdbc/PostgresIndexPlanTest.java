package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/**
 * Issue 13: on PostgreSQL, every statement the SQL store sends while the whole conformance kit runs (every find, page
 * of every filter, search, report query, outbox and audit read, every write) can be served by an index. The kit runs
 * unchanged on a DataSource that notes each distinct statement with the values it was first run with; afterwards each
 * one that reads a {@code crm_} table is EXPLAINed with those values under {@code enable_seqscan = off}, where the
 * planner picks a sequential scan only when no index can serve the statement at all. Small data, no statistics beyond
 * the kit's own: the question is whether an index exists for the statement's shape, not which plan a large table gets.
 */
class PostgresIndexPlanTest extends CrmStorageCompatibilityKit {
    /** Started and dropped here rather than as an extension, whose end would come before the plans are read. */
    private static final TestDatabase DB = TestDatabase.postgres();

    /** Each distinct statement text the store sent, with the parameter setters of its first run. */
    private static final Map<String, List<Setter>> STATEMENTS = new ConcurrentHashMap<>();
    private static final Pattern TABLE = Pattern.compile("\\bcrm_[a-z_]+");

    private record Setter(Method method, Object[] args) {
    }

    @Override
    protected CrmStorage createStorage() {
        DB.clear(); // the first call finds no tables yet and deletes nothing
        return JdbcCrmStorage.builder().dataSource(noting(DB.dataSource())).schema(DB.schema()).build();
    }

    @BeforeAll
    static void createSchema() {
        DB.start(PostgresIndexPlanTest.class.getSimpleName());
    }

    @AfterAll
    static void everyStatementOfTheStoreIsServedByAnIndex() throws Exception {
        try {
            checkPlans();
        } finally {
            DB.stop();
        }
    }

    private static void checkPlans() throws Exception {
        List<String> explained = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            assertThat(scans(plan(c, "SELECT COUNT(*) FROM crm_employer WHERE CAST(doc AS text) LIKE ?", List.of(setter("setString", 1, "%x%")))))
                    .as("the check itself: a statement no index serves is found").isNotEmpty();
            for (Map.Entry<String, List<Setter>> e : new TreeMap<>(STATEMENTS).entrySet()) {
                String sql = e.getKey();
                String verb = sql.stripLeading().toUpperCase(Locale.ROOT);
                // The store names its tables with the schema (SqlDialect); the migrations' own statements, which run
                // once over whole tables (a backfill), do not.
                if (!sql.contains("\"" + DB.schema() + "\".crm_") || !(verb.startsWith("SELECT") || verb.startsWith("WITH") || verb.startsWith("UPDATE")
                        || verb.startsWith("DELETE") || verb.startsWith("INSERT"))) {
                    continue; // the migrations, SET, savepoints, the catalog reads of the schema check
                }
                String plan = plan(c, sql, e.getValue());
                explained.add(sql);
                if (!scans(plan).isEmpty() && !readsAWholeTable(sql, plan)) {
                    scans.add(sql + "\n" + plan);
                }
            }
        }
        assertThat(explained).as("the kit's statements were noted").hasSizeGreaterThan(150);
        assertThat(explained.stream().flatMap(s -> TABLE.matcher(s).results().map(java.util.regex.MatchResult::group)).distinct())
                .as("reads and writes of every kind of record").contains("crm_employer", "crm_contact", "crm_engagement", "crm_search_word",
                        "crm_audit", "crm_outbox", "crm_referral", "crm_need", "crm_solution", "crm_partnership", "crm_appointment");
        assertThat(scans).as("statements only a sequential scan can serve").isEmpty();
    }

    /**
     * The plan's sequential scans. Under {@code enable_seqscan = off} the planner takes one only where no index can
     * serve the statement at all; a walk of an index in key order with a filter (a keyset page in id order whose filter
     * no index serves better on a few rows) is a plan it chose among index paths, and counts as served.
     */
    static List<String> scans(String plan) {
        return plan.lines().filter(l -> l.contains("Seq Scan")).map(String::strip).toList();
    }

    /**
     * A report whose input is every row of one table (the referral facts: no period, no filter) reads it whole; an index
     * could only be read whole instead. Such a statement has no condition and no join, and its scan no filter; anything
     * with a condition or a join must be served by an index.
     */
    static boolean readsAWholeTable(String sql, String plan) {
        String upper = sql.toUpperCase(Locale.ROOT);
        return !upper.contains(" WHERE ") && !upper.contains(" JOIN ") && !plan.contains("Filter:") && plan.lines().filter(l -> l.contains("Seq Scan")).count() == 1;
    }

    private static Setter setter(String name, int index, String value) throws NoSuchMethodException {
        return new Setter(PreparedStatement.class.getMethod(name, int.class, String.class), new Object[] {index, value});
    }

    /** The plan of {@code sql} run with {@code setters}' values (EXPLAIN without ANALYZE: a write is planned, not run). */
    private static String plan(Connection c, String sql, List<Setter> setters) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (Setter s : setters) {
                s.method().invoke(ps, s.args());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot EXPLAIN " + sql + ": " + e.getMessage(), e);
        }
        return plan.toString();
    }

    // --- the noting DataSource: plain proxies of the JDBC interfaces ---

    private static DataSource noting(DataSource target) {
        return proxy(DataSource.class, (p, m, args) -> {
            Object r = invoke(target, m, args);
            return r instanceof Connection c ? noting(c) : r;
        });
    }

    private static Connection noting(Connection target) {
        return proxy(Connection.class, (p, m, args) -> {
            Object r = invoke(target, m, args);
            if (r instanceof PreparedStatement ps && m.getName().equals("prepareStatement")) {
                return noting(ps, (String) args[0]);
            }
            if (r instanceof Statement s && m.getName().equals("createStatement")) {
                return noting(s);
            }
            return r;
        });
    }

    private static Statement noting(Statement target) {
        return proxy(Statement.class, (p, m, args) -> {
            if (m.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                STATEMENTS.putIfAbsent(sql, List.of());
            }
            return invoke(target, m, args);
        });
    }

    private static PreparedStatement noting(PreparedStatement target, String sql) {
        Map<Integer, Setter> values = new TreeMap<>();
        return proxy(PreparedStatement.class, (p, m, args) -> {
            String name = m.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && m.getParameterTypes()[0] == int.class) {
                values.put((Integer) args[0], new Setter(m, args.clone()));
            } else if (name.equals("clearParameters")) {
                values.clear();
            } else if ((name.startsWith("execute") || name.equals("addBatch")) && (args == null || args.length == 0)) {
                STATEMENTS.computeIfAbsent(sql, k -> List.copyOf(values.values()));
            }
            return invoke(target, m, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <X> X proxy(Class<X> type, InvocationHandler handler) {
        return (X) Proxy.newProxyInstance(PostgresIndexPlanTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
