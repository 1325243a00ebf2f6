package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.jdbc.internal.MigrationRunner;
import org.sectorcrm.jdbc.internal.MigrationScript;
import org.sectorcrm.jdbc.internal.SqlDialect;

/**
 * The migration runner on one engine: each script applied once and recorded with its checksum, a
 * changed script caught, VALIDATE refusing a schema that is behind, ahead or altered, concurrent
 * migrators migrating exactly once, a failing script leaving a clear message. Every test works in a
 * schema (PostgreSQL), database (MariaDB) or file (SQLite) of its own.
 */
abstract class MigrationTestBase {
    abstract TestDatabase db();

    private String schema;
    private String url;
    private DataSource dataSource;
    private SqlDialect dialect;

    @BeforeEach
    void emptyDatabase() {
        Dialect d = db().dialect();
        url = db().url();
        schema = db().extraSchema();
        dialect = SqlDialect.of(d, schema);
        dataSource = d == Dialect.SQLITE ? db().dataSource(url) : db().dataSource();
    }

    private MigrationRunner runner() {
        return new MigrationRunner(dataSource, dialect);
    }

    private MigrationRunner runner(List<MigrationScript> scripts) {
        return new MigrationRunner(dataSource, dialect, scripts);
    }

    private List<MigrationScript> shipped() {
        return MigrationScript.all(db().dialect());
    }

    /** The shipped versions, in order: 1, 2, ... */
    private List<Integer> versions() {
        return shipped().stream().map(MigrationScript::version).toList();
    }

    @Test
    void eachScriptIsAppliedOnceAndRecordedWithItsChecksum() {
        List<MigrationScript> applied = runner().migrate();
        assertThat(applied).extracting(MigrationScript::version).containsExactlyElementsOf(versions());
        assertThat(runner().migrate()).as("a second run").isEmpty();
        assertThat(runner().history()).extracting(MigrationRunner.Applied::version, MigrationRunner.Applied::script, MigrationRunner.Applied::checksum)
                .containsExactly(shipped().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.version(), s.fileName(), s.checksum())).toArray(
                        org.assertj.core.groups.Tuple[]::new));
        runner().validate();
    }

    @Test
    void aCallersConnectionWithAutoCommitOffGetsTheWholeHistoryCommittedAndItsSettingBack() throws SQLException {
        List<Connection> handedOut = new ArrayList<>();
        // A caller's DataSource whose connections come with auto-commit off (a pool configured so); closing
        // such a connection rolls back whatever it left uncommitted.
        DataSource manual = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(dataSource, args);
                        if (result instanceof Connection c) {
                            c.setAutoCommit(false);
                            handedOut.add(c);
                            return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                    (p, m, a) -> {
                                        if (m.getName().equals("close")) {
                                            assertThat(c.getAutoCommit()).as("the caller's setting restored").isFalse();
                                        }
                                        try {
                                            return m.invoke(c, a);
                                        } catch (java.lang.reflect.InvocationTargetException e) {
                                            throw e.getCause();
                                        }
                                    });
                        }
                        return result;
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThat(new MigrationRunner(manual, dialect).migrate()).extracting(MigrationScript::version).containsExactlyElementsOf(versions());
        assertThat(handedOut).isNotEmpty();
        assertThat(runner().history()).as("seen on another connection").extracting(MigrationRunner.Applied::version).containsExactlyElementsOf(versions());
        runner().validate();
    }

    @Test
    void aScriptChangedAfterItWasAppliedIsCaughtByItsChecksum() {
        runner().migrate();
        MigrationScript original = shipped().get(0);
        List<MigrationScript> tampered = new ArrayList<>(shipped());
        String text = original.text().replace("crm_employer_naics ", "crm_employer_naics_changed ");
        assertThat(text).isNotEqualTo(original.text());
        tampered.set(0, new MigrationScript(1, original.description(), original.fileName(), text, MigrationScript.sha256(text)));
        for (Runnable run : List.<Runnable>of(() -> runner(tampered).migrate(), () -> runner(tampered).validate())) {
            assertThatExceptionOfType(SchemaException.class).isThrownBy(run::run)
                    .withMessageContaining("V001 (create schema) was changed after it was applied")
                    .withMessageContaining(original.checksum())
                    .withMessageContaining(MigrationScript.sha256(text))
                    .withMessageContaining(db().dialect().folder() + "/V001__create_schema.sql");
        }
        assertThat(MigrationScript.sha256(original.text().replace("\n", "\r\n"))).as("line endings do not count as a change")
                .isEqualTo(original.checksum());
    }

    @Test
    void validateRefusesASchemaThatIsMissingBehindOrAhead() {
        assertThatExceptionOfType(SchemaException.class).isThrownBy(() -> runner().validate()).withMessageContaining("there is no SectorCRM schema");
        MigrationScript last = shipped().get(shipped().size() - 1);
        runner().migrate(last.version() - 1);
        assertThatExceptionOfType(SchemaException.class).isThrownBy(() -> runner().validate())
                .withMessageContaining("lacks migration " + last.label())
                .withMessageContaining("org/sectorcrm/jdbc/migrations/" + db().dialect().folder() + "/" + last.fileName());
        runner().migrate();
        runner().validate();
        List<MigrationScript> older = shipped().subList(0, shipped().size() - 1);
        for (Runnable run : List.<Runnable>of(() -> runner(older).migrate(), () -> runner(older).validate())) {
            assertThatExceptionOfType(SchemaException.class).isThrownBy(run::run)
                    .withMessageContaining("has migration " + last.label() + ", which this SectorCRM does not know");
        }
    }

    @Test
    void theBuilderMigratesValidatesOrLeavesTheSchemaAlone() {
        JdbcCrmStorage.Builder validate = builder().schemaMode(SchemaMode.VALIDATE);
        assertThatExceptionOfType(SchemaException.class).isThrownBy(validate::build).withMessageContaining("no SectorCRM schema");
        builder().schemaMode(SchemaMode.NONE).build().close();
        assertThat(runner().history()).as("NONE changes nothing").isEmpty();
        builder().build().close();
        assertThat(runner().history()).hasSize(shipped().size());
        builder().schemaMode(SchemaMode.VALIDATE).build().close();
    }

    private JdbcCrmStorage.Builder builder() {
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(dataSource);
        return schema == null ? b : b.schema(schema);
    }

    @Test
    void concurrentMigratorsMigrateExactlyOnce() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<MigrationScript>>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                // Each "node" has its own runner and its own connections.
                results.add(pool.submit(() -> {
                    go.await();
                    return runner().migrate();
                }));
            }
            go.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<MigrationScript>> f : results) {
                f.get(5, TimeUnit.MINUTES).forEach(s -> applied.add(s.version()));
            }
            assertThat(applied).as("versions applied, over all nodes").containsExactlyInAnyOrderElementsOf(versions());
            assertThat(runner().history()).extracting(MigrationRunner.Applied::version).containsExactlyElementsOf(versions());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung child, not a timing assertion
    void twoJvmsStartingOnTheSameEmptyDatabaseAtOnceMigrateOnce() throws Exception {
        List<String> command = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(), db().dialect().name(),
                db().dialect() == Dialect.SQLITE ? url : db().builderUrl()));
        if (db().dialect() != Dialect.SQLITE) {
            command.addAll(List.of(db().user(), db().password(), schema));
        }
        List<Process> nodes = new ArrayList<>();
        List<java.io.BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                nodes.add(p);
                outputs.add(new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            for (java.io.BufferedReader out : outputs) {
                assertThat(lineStartingWith(out, "ready")).isEqualTo("ready");
            }
            for (Process p : nodes) {
                p.getOutputStream().write("go\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                p.getOutputStream().flush();
            }
            List<String> applied = new ArrayList<>();
            for (java.io.BufferedReader out : outputs) {
                applied.add(lineStartingWith(out, "applied"));
            }
            for (Process p : nodes) {
                assertThat(p.waitFor()).as("exit code of a node").isZero();
            }
            assertThat(applied).as("what each node applied").containsExactlyInAnyOrder("applied " + versions().toString().replace(" ", ""), "applied []");
            assertThat(runner().history()).extracting(MigrationRunner.Applied::version).containsExactlyElementsOf(versions());
        } finally {
            nodes.forEach(Process::destroyForcibly);
        }
    }

    private static String lineStartingWith(java.io.BufferedReader out, String prefix) throws java.io.IOException {
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("a node ended without printing '" + prefix + "':\n" + String.join("\n", seen));
    }

    @Test
    void aFailingScriptNamesItsStatementAndTransactionalEnginesKeepNothingOfTheRun() throws SQLException {
        runner().migrate(1);
        int next = shipped().get(shipped().size() - 1).version() + 1; // versions may have gaps while branches land
        String text = "CREATE TABLE crm_probe (id INTEGER PRIMARY KEY);\nCREATE TABLE crm_probe (id INTEGER PRIMARY KEY);\n";
        List<MigrationScript> scripts = new ArrayList<>(shipped());
        scripts.add(new MigrationScript(next, "broken", String.format("V%03d__broken.sql", next), text, MigrationScript.sha256(text)));
        assertThatExceptionOfType(SchemaException.class).isThrownBy(() -> runner(scripts).migrate())
                .withMessageContaining(String.format("V%03d (broken) failed at statement 2 of 2", next))
                .withMessageContaining(db().dialect() == Dialect.MARIADB ? "idempotent" : "nothing of this migration run was kept");
        if (db().dialect() != Dialect.MARIADB) {
            assertThat(runner().history()).extracting(MigrationRunner.Applied::version).as("the shipped scripts ran with the broken one, and went with it").containsExactly(1);
            assertThat(tableExists("crm_probe")).isFalse();
        } else {
            assertThat(runner().history()).extracting(MigrationRunner.Applied::version).containsExactlyElementsOf(versions());
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String sql = switch (db().dialect()) {
                case SQLITE -> "SELECT COUNT(*) FROM sqlite_master WHERE name = '" + table + "'";
                case POSTGRESQL -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'";
                case MARIADB -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'";
            };
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
