package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * A child JVM writing transactions is killed with SIGKILL at a random moment, several times over: the
 * database passes the engine's own checks, every transaction it reported committed is there, and no
 * aggregate is half-written (child rows, search index, audit entry and event all match the documents).
 */
abstract class KillDuringWritesTestBase {
    abstract TestDatabase db();

    /** How many times the writer is started and killed. */
    int rounds() {
        return 2;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung child, not a timing assertion
    void killingAWriterAtRandomMomentsNeverLeavesAHalfWrittenAggregate() throws Exception {
        String url = db().url();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        long committed = 0;
        for (int round = 1; round <= rounds(); round++) {
            int killAfter = 3 + random.nextInt(30);
            long reported = runAndKill(url, round, killAfter);
            committed += reported;
            String context = "round " + round + " of seed " + seed + ", killed after 'committed " + reported + "'";
            checkEngine(url, context);
            checkAggregates(url, committed, context);
        }
    }

    /** Starts the writer, waits for its {@code committed n} line and kills it (SIGKILL): returns n. */
    private long runAndKill(String url, int round, int killAfter) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashWriter.class.getName(), url, Long.toString(round)));
        if (db().dialect() != Dialect.SQLITE) {
            command.addAll(List.of(db().user(), db().password(), db().schema()));
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.equals("committed " + killAfter)) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, mid-transaction
                    child.waitFor();
                    return killAfter;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        throw new AssertionError("the writer stopped before committing " + killAfter + " transactions:\n" + String.join("\n", output));
    }

    private void checkEngine(String url, String context) throws SQLException {
        try (Connection c = db().connect(db().dialect() == Dialect.SQLITE ? url : db().schema()); Statement st = c.createStatement()) {
            switch (db().dialect()) {
                case SQLITE -> {
                    assertThat(single(st, "PRAGMA integrity_check")).as("integrity_check, %s", context).isEqualTo("ok");
                    assertThat(rows(st, "PRAGMA foreign_key_check")).as("foreign_key_check, %s", context).isEmpty();
                }
                case POSTGRESQL -> {
                    // amcheck ships with PostgreSQL; its B-tree check verifies every index of the schema.
                    st.execute("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public");
                    for (String index : rows(st, "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                            + " JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = '"
                            + db().schema() + "'")) {
                        st.execute("SELECT public.bt_index_check('" + index + "'::regclass, true)");
                    }
                }
                case MARIADB -> {
                    for (String table : rows(st, "SHOW TABLES")) {
                        try (ResultSet rs = st.executeQuery("CHECK TABLE " + table)) {
                            while (rs.next()) {
                                if (rs.getString("Msg_type").equalsIgnoreCase("status")) {
                                    assertThat(rs.getString("Msg_text")).as("CHECK TABLE %s, %s", table, context).isEqualTo("OK");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void checkAggregates(String url, long committed, String context) throws SQLException {
        try (Connection c = db().connect(db().dialect() == Dialect.SQLITE ? url : db().schema()); Statement st = c.createStatement()) {
            long employers = count(st, "crm_employer");
            assertThat(employers).as("employers: every reported commit is durable, %s", context).isGreaterThanOrEqualTo(committed);
            for (String table : List.of("crm_engagement", "crm_audit", "crm_outbox")) {
                assertThat(count(st, table)).as("%s: written in the same transactions as the employers, %s", table, context).isEqualTo(employers);
            }
            assertThat(count(st, "crm_employer_tag")).as("tag rows, %s", context).isEqualTo(employers * 2);
            assertThat(count(st, "crm_employer_zip")).as("zip rows, %s", context).isEqualTo(employers * 2);
            for (String type : List.of("employer", "engagement")) {
                assertThat(Long.parseLong(single(st, "SELECT COUNT(DISTINCT record_id) FROM crm_search_word WHERE record_type = '" + type + "'")))
                        .as("%ss in the search index, %s", type, context).isEqualTo(employers);
            }
            assertThat(count(st, "crm_engagement_service")).as("service rows, %s", context).isEqualTo(employers * 2);
        }
        try (JdbcCrmStorage storage = db().builderFor(db().dialect() == Dialect.SQLITE ? url : db().url()).schemaMode(SchemaMode.VALIDATE).build()) {
            List<Employer> all = storage.read((StorageTransaction tx) -> StoreTestBase.all(tx.employers(), EmployerFilter.ALL, 1000));
            for (Employer e : all) {
                assertThat(e.tags()).as("document of %s, %s", e.id(), context).hasSize(2);
            }
            List<Engagement> found = storage.read((StorageTransaction tx) -> {
                List<Engagement> hits = new ArrayList<>();
                PageRequest page = PageRequest.first(1000);
                while (true) {
                    var p = tx.engagements().search(SearchTerms.parse("words index"), Reader.EVERYONE, page);
                    hits.addAll(p.items());
                    if (!p.hasNext()) {
                        return hits;
                    }
                    page = PageRequest.after(p.nextCursor(), 1000);
                }
            });
            assertThat(found).as("engagements found through their notes' index, %s", context).hasSize(all.size());
            assertThat(storage.read((StorageTransaction tx) -> tx.engagements().count(EngagementFilter.ALL))).isEqualTo(all.size());
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        return Long.parseLong(single(st, "SELECT COUNT(*) FROM " + table));
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
